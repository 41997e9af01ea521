package dev.crm.shared.reference;

import java.util.Map;

public record CurrencyCreated(long objectId, Map<String, String> values) implements ReferenceEvent.Created {
}
