package dev.crm.query.contact;

import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A contact as the read model holds it; {@code fields} its own fields' values by name (no value: absent), but for
 * {@code company}, which it always has.
 */
public record ContactView(long id, long version, Map<String, String> fields, long company, String owner,
                          Long department, boolean deleted, Instant createdAt, Instant updatedAt) {

    public ContactView {
        fields = Map.copyOf(fields);
    }

    public String get(Field field) {
        return fields.get(field.name());
    }

    /** Its names, first name first. */
    public String title() {
        return ContactKind.title(fields);
    }

    /** Whether the actor may do this to the live contact ({@code departments}: the actor's, asked only if needed). */
    public boolean allows(Actor actor, Action action, Supplier<? extends Collection<Long>> departments) {
        return !deleted && Permissions.reaches(actor, ContactKind.NAME, action, owner, department, departments);
    }
}
