package dev.crm.shared.deal;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.reference.ReferenceKind;

/**
 * Deals: made from a request (no plain create in the API), owned by who made them, in their department; a co-owner
 * has the owner's rights. A deal is a part of its contact, company, lead and request (deleted with any of them).
 * Its stage changes by {@link DealStageChanged}; {@code closingReason} and {@code closedAt} are set by
 * {@link DealClosed} alone.
 */
public final class DealKind {

    public static final String NAME = "deal";

    public static final Field DEAL_NAME = Field.of("name", FieldType.NAME).labelled("field.deal.name");
    /** A stage of the reference data (its ID): the field is named after that kind. */
    public static final Field STAGE = Field.of(ReferenceKind.STAGE.kind().name(), FieldType.REFERENCE)
            .labelled("field.deal.stage");
    public static final Field AMOUNT = Field.of("amount", FieldType.NUMBER).decimals(2).min(0);
    /** The ISO code of a currency of the reference data. */
    public static final Field CURRENCY = Field.of(ReferenceKind.CURRENCY.kind().name(), FieldType.LINE).max(3);
    public static final Field PROBABILITY = Field.of("probability", FieldType.NUMBER).decimals(0).min(0).max(100);
    public static final Field NEXT_STEP = Field.of("nextStep", FieldType.LINE);
    public static final Field NEXT_STEP_DATE = Field.of("nextStepDate", FieldType.DATE);
    /** A closing reason of the reference data (its ID); set by closing alone. */
    public static final Field CLOSING_REASON = Field.of("closingReason", FieldType.REFERENCE);
    /** When it was closed; set by closing alone. */
    public static final Field CLOSED_AT = Field.of("closedAt", FieldType.TIME);
    public static final Field CO_OWNER = Field.of("coOwner", FieldType.USER);
    public static final Field CONTACT = Field.of(ContactKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field COMPANY = Field.of(CompanyKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field LEAD = Field.of(LeadKind.NAME, FieldType.REFERENCE).partOf();
    /** The request it was made from (the request kind's name). */
    public static final Field REQUEST = Field.of(dev.crm.shared.request.RequestKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    /** Its products with their quantities (lines of products the user may see; each product once). */
    public static final Field PRODUCTS = Field.of(dev.crm.shared.product.ProductKind.KIND.path(), FieldType.LINES);

    /** The fields a change may not set: closing sets them. */
    public static final java.util.List<Field> SET_BY_CLOSING = java.util.List.of(CLOSING_REASON, CLOSED_AT);

    /** domain.md: managers cdv their own (or co-owned) deals, operators their departments', chiefs cv all. */
    public static final Kind KIND = Kind.named(NAME, "deals")
            .fields(DEAL_NAME, STAGE, AMOUNT, CURRENCY, PROBABILITY, NEXT_STEP, NEXT_STEP_DATE, CLOSING_REASON,
                    CLOSED_AT, CO_OWNER, CONTACT, COMPANY, LEAD, REQUEST, DESCRIPTION, PRODUCTS)
            .grant(Role.MANAGER, "cdv", OWN)
            .grant(Role.OPERATOR, "cdv", DEPT)
            .grant(Role.CHIEF, "cv", ALL)
            .coOwnedBy(CO_OWNER)
            .pages().acceptsFiles().byName().build();

    private DealKind() {
    }
}
