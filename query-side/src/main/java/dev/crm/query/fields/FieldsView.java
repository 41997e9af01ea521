package dev.crm.query.fields;

import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An object of a kind of fields by name as its read model ({@code <kind>_view}) holds it; {@code fields} its own
 * fields' values by name as text (no value: absent), references as the other object's ID.
 */
public record FieldsView(Kind kind, long id, long version, Map<String, String> fields, String owner, Long department,
                         boolean deleted, Instant createdAt, Instant updatedAt) {

    public FieldsView {
        fields = Map.copyOf(fields);
    }

    /** What it is called ({@link Kind#title}). */
    public String title() {
        return kind.title(fields);
    }

    public String get(Field field) {
        return fields.get(field.name());
    }

    /** A reference field's object ID, or null. */
    public Long reference(Field field) {
        String value = get(field);
        return value == null ? null : Long.valueOf(value);
    }

    /** A tags field's labels. */
    public List<String> tags(Field field) {
        String tags = get(field);
        return tags == null ? List.of() : Arrays.stream(tags.split(", ")).toList();
    }

    /** Whether the actor may do this to the live object ({@code departments}: the actor's, asked only if needed). */
    public boolean allows(Actor actor, Action action, Supplier<? extends Collection<Long>> departments) {
        return allows(actor, action, kind.coOwner().map(this::get).orElse(null), departments);
    }

    /** The same, with its co-owner (its own, or its holder's: null for none), who has the owner's rights. */
    public boolean allows(Actor actor, Action action, String coOwner, Supplier<? extends Collection<Long>> departments) {
        return !deleted && Permissions.reaches(actor, kind.name(), action, owner, coOwner, department, departments);
    }
}
