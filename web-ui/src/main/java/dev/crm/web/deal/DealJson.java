package dev.crm.web.deal;

import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Limits;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Deal", description = "A deal: made from a request, moved through its department's stages, closed for "
        + "a closing reason")
public record DealJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = DealKind.NAME) String kind,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                long version,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                @Schema(description = "The ID of its stage (/api/admin/stages)") Long stage,
                @Schema(description = "The amount, at most two decimals", example = "1200.5") BigDecimal amount,
                @Schema(description = "The ISO code of the amount's currency", example = "EUR") String currency,
                @Schema(description = "0 to 100") Integer probability,
                String nextStep,
                LocalDate nextStepDate,
                @Schema(description = "The ID of its closing reason (/api/admin/closing-reasons), set by closing")
                Long closingReason,
                @Schema(description = "When it was closed") Instant closedAt,
                @Schema(description = "The co-owner's username: the owner's rights") String coOwner,
                @Schema(description = "The contact's ID") Long contact,
                @Schema(description = "The company's ID") Long company,
                @Schema(description = "The lead's ID") Long lead,
                @Schema(description = "The ID of the request it was made from") Long request,
                String description,
                @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "Its product lines, by product ID ascending")) List<Line> products,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username") String owner,
                @Schema(description = "The department's ID") Long department,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a change sends: only the fields it changes, null clears one (not the name, not the stage). */
    @Schema(name = "DealInput", description = "A deal's own fields; a change sends only what it changes, null clears a "
            + "field; a stage of the deal's department; an amount needs its currency; closingReason and closedAt are "
            + "set by closing alone")
    record Input(@Schema(maxLength = Limits.TITLE) String name,
                 @Schema(description = "The ID of a stage of the deal's department (or of every department)") Long stage,
                 @Schema(nullable = true, minimum = "0", multipleOf = 0.01, example = "1200.5",
                         description = "A JSON number from 0, at most two decimals") BigDecimal amount,
                 @Schema(nullable = true, maxLength = 3, example = "EUR",
                         description = "The ISO code of a currency of /api/admin/currencies; required with an amount")
                 String currency,
                 @Schema(nullable = true, minimum = "0", maximum = "100") Integer probability,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String nextStep,
                 @Schema(nullable = true) LocalDate nextStepDate,
                 @Schema(nullable = true, description = "An active user's username") String coOwner,
                 @Schema(nullable = true) Long contact,
                 @Schema(nullable = true) Long company,
                 @Schema(nullable = true) Long lead,
                 @Schema(nullable = true) Long request,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String description,
                 @ArraySchema(arraySchema = @Schema(nullable = true, description = "Product lines (products the "
                         + "caller may see, each at most once); a change replaces the whole list, null or [] clears "
                         + "it"), maxItems = Limits.LINES) List<Line> products) {
    }

    /** One product line: a product and how many. */
    @Schema(name = "DealProductLine", description = "A product of the deal and its quantity")
    public record Line(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The product's ID")
                       long product,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
                               maximum = "" + Limits.QUANTITY, description = "A whole number from 1")
                       int quantity) {
    }

    /** What closing sends. */
    @Schema(name = "DealClose", description = "The closing reason")
    record Close(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The ID of a closing reason (/api/admin/closing-reasons)") Long closingReason) {
    }

    /** A transfer to another owner. */
    @Schema(name = "DealOwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }

    /** One step of its stage timeline. */
    @Schema(name = "DealStageStep", description = "A stage the deal entered, when and by whom")
    record Step(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long stage, String name,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant at,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String by) {
    }

    /** Its stage timeline. */
    @Schema(name = "DealStages", description = "The deal's stage timeline, oldest first")
    record Steps(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) java.util.List<Step> items) {
    }
}
