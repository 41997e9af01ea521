package dev.crm.shared.contact;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;

/** Contact persons of a company; a contact always has its company's owner and department. */
public final class ContactKind {

    public static final String NAME = "contact";

    public static final Field FIRST_NAME = Field.of("firstName", FieldType.LINE).max(Limits.SHORT_NAME).searched();
    public static final Field LAST_NAME = Field.of("lastName", FieldType.LINE).max(Limits.SHORT_NAME).searched();
    public static final Field JOB_TITLE = Field.of("jobTitle", FieldType.LINE);
    /** Its company: the field is named after the kind it refers to. */
    public static final Field COMPANY = Field.of(dev.crm.shared.company.CompanyKind.NAME, FieldType.REFERENCE).holder();
    public static final Field EMAIL = dev.crm.shared.kind.ObjectFields.EMAIL;
    public static final Field PHONE = Field.of("phone", FieldType.PHONE);
    public static final Field MOBILE = Field.of("mobile", FieldType.PHONE);
    public static final Field COUNTRY = Field.of("country", FieldType.LINE);
    public static final Field CITY = Field.of("city", FieldType.LINE);
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    /** May be mailed by campaigns: cleared when it unsubscribes (or by a user). */
    public static final Field MASSMAIL = Field.of("massmail", FieldType.FLAG).initially("true");

    /** The company row of domain.md's matrix ("company, contact"). */
    public static final Kind KIND = Kind.named(NAME, "contacts")
            .fields(FIRST_NAME, LAST_NAME, JOB_TITLE, COMPANY, EMAIL, PHONE, MOBILE, COUNTRY, CITY, DESCRIPTION,
                    MASSMAIL)
            .grant(Role.MANAGER, "av", ALL).grant(Role.MANAGER, "cd", OWN)
            .grant(Role.OPERATOR, "av", ALL).grant(Role.OPERATOR, "cd", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .titled(FIRST_NAME, LAST_NAME).pages().acceptsFiles().byName().build();

    private ContactKind() {
    }
}
