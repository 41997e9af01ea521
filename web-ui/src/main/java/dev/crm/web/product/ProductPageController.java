package dev.crm.web.product;

import dev.crm.shared.product.ProductKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The product pages: list (by type and on sale), show (with the transfer), create and edit. */
@Controller
@HtmlPages
@RequestMapping("/products")
class ProductPageController extends FieldsPageController {

    ProductPageController(FieldsPageParts parts) {
        super(ProductKind.KIND, ProductJson.class, parts);
    }

    @Override
    protected ListPage listPage() {
        return ProductPages.LIST;
    }
}
