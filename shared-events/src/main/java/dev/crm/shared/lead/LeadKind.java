package dev.crm.shared.lead;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;

/**
 * Leads: a person or a company that may become a client. A lead needs a first name, a last name or a company name.
 * Converting it makes (or finds) a company and a contact; the lead stays, closed, naming them in {@link #COMPANY}
 * and {@link #CONTACT}, which only the conversion sets.
 */
public final class LeadKind {

    public static final String NAME = "lead";

    public static final Field FIRST_NAME = Field.of("firstName", FieldType.LINE).max(Limits.SHORT_NAME).searched();
    public static final Field LAST_NAME = Field.of("lastName", FieldType.LINE).max(Limits.SHORT_NAME).searched();
    public static final Field COMPANY_NAME = Field.of("companyName", FieldType.LINE).searched();
    public static final Field EMAIL = dev.crm.shared.kind.ObjectFields.EMAIL;
    public static final Field PHONE = Field.of("phone", FieldType.PHONE);
    public static final Field WEBSITE = Field.of("website", FieldType.URL);
    public static final Field COUNTRY = Field.of("country", FieldType.LINE);
    public static final Field CITY = Field.of("city", FieldType.LINE);
    /** The ID of a lead source (reference data kept by admins). */
    public static final Field SOURCE = Field.of("source", FieldType.REFERENCE);
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    /** May be mailed by campaigns: cleared when it unsubscribes (or by a user). */
    public static final Field MASSMAIL = Field.of("massmail", FieldType.FLAG).initially("true");
    /** Not a prospect (reference: Lead.disqualified): campaigns skip it. */
    public static final Field DISQUALIFIED = Field.of("disqualified", FieldType.FLAG).initially("false");
    /** The company it was converted into: set by the conversion only. */
    public static final Field COMPANY = Field.of(CompanyKind.NAME, FieldType.REFERENCE).labelled("lead.field.company");
    /** The contact it was converted into: set by the conversion only. */
    public static final Field CONTACT = Field.of(ContactKind.NAME, FieldType.REFERENCE).labelled("lead.field.contact");

    /** domain.md's matrix row "company, contact, lead": as companies. */
    public static final Kind KIND = Kind.named(NAME, "leads")
            .fields(FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL, PHONE, WEBSITE, COUNTRY, CITY, SOURCE, DESCRIPTION,
                    MASSMAIL, DISQUALIFIED, COMPANY, CONTACT)
            .grant(Role.MANAGER, "av", ALL).grant(Role.MANAGER, "cd", OWN)
            .grant(Role.OPERATOR, "av", ALL).grant(Role.OPERATOR, "cd", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .titled(FIRST_NAME, LAST_NAME, COMPANY_NAME).pages().acceptsFiles().byName().build();

    private LeadKind() {
    }
}
