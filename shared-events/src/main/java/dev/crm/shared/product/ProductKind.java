package dev.crm.shared.product;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;

import dev.crm.shared.Role;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.reference.ReferenceKind;
import java.util.List;

/** Products (goods and services) with their price; the creator owns one, in their department. */
public final class ProductKind {

    public static final String NAME = "product";

    public static final Field PRODUCT_NAME = Field.of("name", FieldType.NAME).labelled("field.product.name");
    public static final Field TYPE = Field.of("type", FieldType.CHOICE).choices(ProductType.class)
            .initially(ProductType.GOODS.apiName()).labelled("field.product.type");
    public static final Field PRICE = Field.of("price", FieldType.NUMBER).decimals(2).min(0);
    /** The ISO code of a currency of the reference data: the field is named after that kind. */
    public static final Field CURRENCY = Field.of(ReferenceKind.CURRENCY.kind().name(), FieldType.LINE).max(3);
    public static final Field CATEGORY = Field.of("category", FieldType.LINE).searched();
    public static final Field ON_SALE = Field.of("onSale", FieldType.FLAG).initially("true");
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);

    /** domain.md: managers and operators acdv their departments' products; chiefs view all. */
    public static final Kind KIND = Kind.named(NAME, "products")
            .fields(PRODUCT_NAME, TYPE, PRICE, CURRENCY, CATEGORY, ON_SALE, DESCRIPTION)
            .grant(List.of(Role.MANAGER, Role.OPERATOR), "acdv", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .pages().acceptsFiles().byName().build();

    private ProductKind() {
    }
}
