package dev.crm.query.department;

import java.time.Instant;

public record DepartmentView(long id, String name, long version, Instant createdAt, Instant updatedAt, String head,
                             String timeZone) {

    public DepartmentView(long id, String name, long version, Instant createdAt, Instant updatedAt, String head) {
        this(id, name, version, createdAt, updatedAt, head, null);
    }
}
