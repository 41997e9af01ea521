package dev.crm.shared.reference;

import java.util.Map;

public record ClosingReasonChanged(long objectId, Map<String, String> from, Map<String, String> to)
        implements ReferenceEvent.Changed {
}
