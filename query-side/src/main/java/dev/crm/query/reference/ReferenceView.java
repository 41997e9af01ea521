package dev.crm.query.reference;

import dev.crm.shared.reference.ReferenceKind;
import java.time.Instant;
import java.util.Map;

/**
 * One object of reference data as its read model has it: its declared fields' values as text (null: none), and while a
 * mail account is stopped, the reason under {@code MailAccountStopped.FIELD}.
 */
public record ReferenceView(long id, ReferenceKind kind, Map<String, String> values, boolean deleted, long version,
                            Instant createdAt, Instant updatedAt) {

    public String value(String field) {
        return values.get(field);
    }

    public boolean flag(String field) {
        return "true".equals(values.get(field));
    }

    public String title() {
        return values.get(kind.titleField().name());
    }
}
