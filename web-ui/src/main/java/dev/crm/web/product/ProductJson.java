package dev.crm.web.product;

import dev.crm.shared.kind.Limits;
import dev.crm.shared.product.ProductKind;
import dev.crm.shared.product.ProductType;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** A product in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Product", description = "A product: goods or a service, with its price in a currency of the reference "
        + "data")
record ProductJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = ProductKind.NAME) String kind,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                   long version,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Choices(ProductType.class) String type,
                   @Schema(description = "The price, at most two decimals", example = "12.5") BigDecimal price,
                   @Schema(description = "The ISO code of the price's currency", example = "EUR") String currency,
                   String category,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean onSale,
                   String description,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username") String owner,
                   @Schema(description = "The department's ID") Long department,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create or change sends; a change sends only the fields it changes, null clears one (not the name). */
    @Schema(name = "ProductInput", description = "A product's own fields: on create, name is required, type is goods "
            + "and onSale true unless given, and a price needs its currency; a change sends only what it changes, null "
            + "clears a field")
    record Input(@Schema(maxLength = Limits.TITLE) String name,
                 @Choices(ProductType.class) String type,
                 @Schema(nullable = true, minimum = "0", multipleOf = 0.01, example = "12.5",
                         description = "A JSON number from 0, at most two decimals") BigDecimal price,
                 @Schema(nullable = true, maxLength = 3, example = "EUR",
                         description = "The ISO code of a currency of /api/admin/currencies; required with a price")
                 String currency,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String category,
                 @Schema(description = "Whether it is on sale (true unless given)") Boolean onSale,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String description) {
    }

    /** A transfer to another owner. */
    @Schema(name = "ProductOwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }
}
