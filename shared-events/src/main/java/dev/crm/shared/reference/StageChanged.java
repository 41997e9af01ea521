package dev.crm.shared.reference;

import java.util.Map;

public record StageChanged(long objectId, Map<String, String> from, Map<String, String> to)
        implements ReferenceEvent.Changed {
}
