package dev.crm.command.product;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.product.ProductKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The product commands, shaped as the company's. {@code fields} are its own fields by name ({@code ProductKind}): a
 * text, a number (or its text) for the price, a boolean (or "true"/"false") for onSale; in a change an absent field
 * stays as it is and null (or blank) clears it.
 */
public final class ProductCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(ProductKind.KIND, CreateProduct::new,
            ChangeProduct::new, TransferProduct::new, null, DeleteProduct::new, RestoreProduct::new);

    private ProductCommands() {
    }

    public record CreateProduct(@TargetAggregateIdentifier long productId, Map<String, Object> fields) {
    }

    public record ChangeProduct(@TargetAggregateIdentifier long productId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    public record TransferProduct(@TargetAggregateIdentifier long productId, Long expectedVersion, String owner) {
    }

    public record DeleteProduct(@TargetAggregateIdentifier long productId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted product back. */
    public record RestoreProduct(@TargetAggregateIdentifier long productId) {
    }
}
