package dev.crm.shared.payment;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.reference.ReferenceKind;

/**
 * Payments of a deal: a payment is held by its deal (its owner and department, follows its transfers, deleted and
 * restored with it); the deal's co-owner has the owner's rights over it.
 */
public final class PaymentKind {

    public static final String NAME = "payment";

    /** Its deal: the field is named after the kind it refers to. */
    public static final Field DEAL = Field.of(DealKind.NAME, FieldType.REFERENCE).holder();
    /** Above 0 (the aggregate's rule), at most two decimals. */
    public static final Field AMOUNT = Field.of("amount", FieldType.NUMBER).decimals(2).min(0);
    public static final Field CURRENCY = Field.of(ReferenceKind.CURRENCY.kind().name(), FieldType.LINE).max(3);
    public static final Field DATE = Field.of("date", FieldType.DATE);
    public static final Field STATUS = Field.of("status", FieldType.CHOICE).choices(PaymentStatus.class)
            .initially(PaymentStatus.RECEIVED.apiName()).labelled("field.payment.status");
    public static final Field CONTRACT_NUMBER = Field.of("contractNumber", FieldType.LINE).searched();
    public static final Field INVOICE_NUMBER = Field.of("invoiceNumber", FieldType.LINE).searched();

    /** domain.md: managers acdv the payments of their own (or co-owned) deals; accountants cv all; chiefs v all. */
    public static final Kind KIND = Kind.named(NAME, "payments")
            .fields(DEAL, AMOUNT, CURRENCY, DATE, STATUS, CONTRACT_NUMBER, INVOICE_NUMBER)
            .grant(Role.MANAGER, "acdv", OWN)
            .grant(Role.ACCOUNTANT, "cv", ALL)
            .grant(Role.CHIEF, "v", ALL)
            .titled(AMOUNT, CURRENCY, DATE).pages().acceptsFiles().byName().build();

    private PaymentKind() {
    }
}
