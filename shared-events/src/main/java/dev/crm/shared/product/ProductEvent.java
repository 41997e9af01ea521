package dev.crm.shared.product;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a product. */
public sealed interface ProductEvent extends FieldsEvents.OfKind
        permits ProductCreated, ProductChanged, ProductOwnerChanged, ProductDeleted, ProductRestored {

    long productId();

    @Override
    default long objectId() {
        return productId();
    }

    @Override
    default Kind kind() {
        return ProductKind.KIND;
    }
}
