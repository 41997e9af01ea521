package dev.crm.shared.department;

import dev.crm.shared.kind.Limits;

import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;

/** Departments: administrators only; users belong to one or more, objects carry one. */
public final class DepartmentKind {

    public static final String NAME = "department";

    public static final Field DEPARTMENT_NAME = Field.of("name", FieldType.NAME).max(Limits.SHORT_NAME)
            .labelled("field.department.name");
    public static final Field HEAD = Field.of("head", FieldType.USER).labelled("field.department.head");

    /** An IANA time zone id; reports cut days and months in it. */
    public static final Field TIME_ZONE = Field.of("timeZone", FieldType.LINE).max(Limits.ZONE)
            .labelled("field.department.timeZone");

    public static final Kind KIND = Kind.named(NAME, "departments").fields(DEPARTMENT_NAME, HEAD, TIME_ZONE)
            .listedAt("/admin/departments").build();

    private DepartmentKind() {
    }
}
