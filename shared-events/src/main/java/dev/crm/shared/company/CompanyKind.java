package dev.crm.shared.company;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;

/** Companies (counterparties): their contacts follow their owner and department. */
public final class CompanyKind {

    public static final String NAME = "company";

    public static final Field COMPANY_NAME = Field.of("name", FieldType.NAME).labelled("field.company.name");
    public static final Field ALTERNATIVE_NAMES = Field.of("alternativeNames", FieldType.LINE).searched();
    public static final Field TYPE = Field.of("type", FieldType.LINE).labelled("field.company.type");
    public static final Field INDUSTRY = Field.of("industry", FieldType.LINE);
    public static final Field COUNTRY = Field.of("country", FieldType.LINE);
    public static final Field CITY = Field.of("city", FieldType.LINE);
    public static final Field WEBSITE = Field.of("website", FieldType.URL);
    public static final Field PHONE = Field.of("phone", FieldType.PHONE);
    public static final Field EMAIL = dev.crm.shared.kind.ObjectFields.EMAIL;
    public static final Field ADDRESS = Field.of("address", FieldType.TEXT).max(1_000);
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    public static final Field TAGS = Field.of("tags", FieldType.TAGS);

    /** domain.md: managers acdv, change and delete their own; operators acdv, change and delete their departments'; chiefs view all. */
    public static final Kind KIND = Kind.named(NAME, "companies")
            .fields(COMPANY_NAME, ALTERNATIVE_NAMES, TYPE, INDUSTRY, COUNTRY, CITY, WEBSITE, PHONE, EMAIL, ADDRESS,
                    DESCRIPTION, TAGS)
            .grant(Role.MANAGER, "av", ALL).grant(Role.MANAGER, "cd", OWN)
            .grant(Role.OPERATOR, "av", ALL).grant(Role.OPERATOR, "cd", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .pages().acceptsFiles().byName().build();

    private CompanyKind() {
    }
}
