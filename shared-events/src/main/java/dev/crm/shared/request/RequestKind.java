package dev.crm.shared.request;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.lead.LeadKind;
import java.util.List;

/**
 * Requests: what a (possible) client asked for. On save it is matched against the contacts, leads and companies its
 * sender may see ({@code RequestMatched}); "create deal" is the only way a deal is made. A request is a part of its
 * contact, company and deal (deleted with them); its lead is only named.
 */
public final class RequestKind {

    public static final String NAME = "request";

    public static final Field SUBJECT = Field.of("subject", FieldType.NAME).labelled("field.request.subject");
    public static final Field FIRST_NAME = Field.of("firstName", FieldType.LINE).max(Limits.SHORT_NAME).searched();
    public static final Field LAST_NAME = Field.of("lastName", FieldType.LINE).max(Limits.SHORT_NAME).searched();
    public static final Field EMAIL = dev.crm.shared.kind.ObjectFields.EMAIL;
    public static final Field PHONE = Field.of("phone", FieldType.PHONE);
    public static final Field COMPANY_NAME = Field.of("companyName", FieldType.LINE).searched();
    public static final Field WEBSITE = Field.of("website", FieldType.URL);
    public static final Field COUNTRY = Field.of("country", FieldType.LINE);
    /** The ID of a lead source (reference data kept by admins). */
    public static final Field SOURCE = Field.of("source", FieldType.REFERENCE);
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    /** The products it asks about (products the user may see); a deal made from it gets them as lines of one. */
    public static final Field PRODUCTS = Field.of(dev.crm.shared.product.ProductKind.KIND.path(),
            FieldType.REFERENCES);
    /** Not yet dealt with: cleared when a deal is made from it. */
    public static final Field PENDING = Field.of("pending", FieldType.FLAG).initially("true");
    /** A duplicate of another request: cannot make a deal. */
    public static final Field DUPLICATE = Field.of("duplicate", FieldType.FLAG).initially("false");
    /** A case (a question about something sold): cannot make a deal. */
    public static final Field CASE = Field.of("case", FieldType.FLAG).initially("false");
    /** Its contact or company had requests before. */
    public static final Field SUBSEQUENT = Field.of("subsequent", FieldType.FLAG).initially("false");
    /** Links were set automatically, or several objects matched: a user should look. */
    public static final Field VERIFICATION_REQUIRED = Field.of("verificationRequired", FieldType.FLAG)
            .initially("false");
    public static final Field CONTACT = Field.of(ContactKind.NAME, FieldType.REFERENCE).partOf()
            .labelled("request.field.contact");
    public static final Field LEAD = Field.of(LeadKind.NAME, FieldType.REFERENCE).labelled("request.field.lead");
    public static final Field COMPANY = Field.of(CompanyKind.NAME, FieldType.REFERENCE).partOf()
            .labelled("request.field.company");
    /** The deal made from it: set by "create deal" alone. */
    public static final Field DEAL = Field.of(DealKind.NAME, FieldType.REFERENCE).partOf()
            .labelled("request.field.deal");

    /** The fields matching compares. */
    public static final List<Field> MATCHED_BY = List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, COMPANY_NAME, WEBSITE);
    /** The links matching sets. */
    public static final List<Field> LINKS = List.of(CONTACT, LEAD, COMPANY);

    /** domain.md: managers acv, c own; operators acdv their departments'; chiefs view all. */
    public static final Kind KIND = Kind.named(NAME, "requests")
            .fields(SUBJECT, FIRST_NAME, LAST_NAME, EMAIL, PHONE, COMPANY_NAME, WEBSITE, COUNTRY, SOURCE, PRODUCTS,
                    DESCRIPTION, PENDING, DUPLICATE, CASE, SUBSEQUENT, VERIFICATION_REQUIRED, CONTACT, LEAD, COMPANY, DEAL)
            .grant(Role.MANAGER, "av", ALL).grant(Role.MANAGER, "c", OWN)
            .grant(Role.OPERATOR, "acdv", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .pages().acceptsFiles().byName().build();

    private RequestKind() {
    }
}
