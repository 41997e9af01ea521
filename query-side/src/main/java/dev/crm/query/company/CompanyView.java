package dev.crm.query.company;

import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A company as the read model holds it; {@code fields} its own fields' values by name (no value: absent). */
public record CompanyView(long id, long version, Map<String, String> fields, String owner, Long department,
                          boolean deleted, Instant createdAt, Instant updatedAt) {

    public CompanyView {
        fields = Map.copyOf(fields);
    }

    public String name() {
        return fields.get(CompanyKind.COMPANY_NAME.name());
    }

    public String get(Field field) {
        return fields.get(field.name());
    }

    public List<String> tags() {
        String tags = get(CompanyKind.TAGS);
        return tags == null ? List.of() : Arrays.stream(tags.split(", ")).toList();
    }

    /** Whether the actor may do this to the live company ({@code departments}: the actor's, asked only if needed). */
    public boolean allows(Actor actor, Action action, Supplier<? extends Collection<Long>> departments) {
        return !deleted && Permissions.reaches(actor, CompanyKind.NAME, action, owner, department, departments);
    }
}
