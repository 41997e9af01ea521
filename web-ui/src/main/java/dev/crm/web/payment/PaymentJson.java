package dev.crm.web.payment;

import dev.crm.shared.kind.Limits;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.shared.payment.PaymentStatus;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Payment", description = "A payment of a deal: its amount in a currency, its date and status; it has its "
        + "deal's owner and department")
record PaymentJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = PaymentKind.NAME) String kind,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                   long version,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its deal's ID") long deal,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Above 0, at most two decimals")
                   BigDecimal amount,
                   @Schema(description = "The ISO code of the amount's currency", example = "EUR") String currency,
                   LocalDate date,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Choices(PaymentStatus.class) String status,
                   String contractNumber,
                   String invoiceNumber,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username (its "
                           + "deal's)") String owner,
                   @Schema(description = "The department's ID (its deal's)") Long department,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create sends: its deal, amount and currency required; status received unless given. */
    @Schema(name = "PaymentInput", description = "A payment's fields: on create deal, amount (above 0) and currency are "
            + "required, status is received unless given")
    record Input(@Schema(description = "Its deal's ID") Long deal,
                 @Schema(minimum = "0", exclusiveMinimum = true, multipleOf = 0.01, example = "250") BigDecimal amount,
                 @Schema(maxLength = 3, example = "EUR",
                         description = "The ISO code of a currency of /api/admin/currencies") String currency,
                 @Schema(nullable = true) LocalDate date,
                 @Choices(PaymentStatus.class) String status,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String contractNumber,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String invoiceNumber) {
    }

    /** What a change sends: the same without its deal (a payment stays with its deal). */
    @Schema(name = "PaymentChange", description = "A payment's own fields but its deal; only what changes, null clears "
            + "a field")
    record Change(@Schema(minimum = "0", exclusiveMinimum = true, multipleOf = 0.01, example = "250") BigDecimal amount,
                  @Schema(maxLength = 3, example = "EUR") String currency,
                  @Schema(nullable = true) LocalDate date,
                  @Choices(PaymentStatus.class) String status,
                  @Schema(nullable = true, maxLength = Limits.TITLE) String contractNumber,
                  @Schema(nullable = true, maxLength = Limits.TITLE) String invoiceNumber) {
    }
}
