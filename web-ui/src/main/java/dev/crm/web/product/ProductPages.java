package dev.crm.web.product;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.product.ProductKind;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The product kind's part of the shared object pages. */
@Component
class ProductPages extends FieldsKindPages {

    /** The product list: name, type, price with its currency, category, on sale, whose; newest change first. */
    static final ListPage LIST = new ListPage(ProductKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(ProductKind.PRODUCT_NAME), Column.of(ProductKind.TYPE),
            Column.of(ProductKind.PRICE).shownBy("price"), Column.of(ProductKind.CATEGORY),
            Column.of(ProductKind.ON_SALE), Column.of(ObjectFields.OWNER), Column.of(ObjectFields.DEPARTMENT),
            Column.of(ObjectFields.UPDATED_AT)));

    ProductPages(FieldsPageParts parts) {
        super(ProductKind.KIND, LIST, parts);
    }
}
