package dev.crm.web.payment;

import dev.crm.shared.payment.PaymentKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The payment pages: list (by status), show, create (from its deal's page) and edit. */
@Controller
@HtmlPages
@RequestMapping("/payments")
class PaymentPageController extends FieldsPageController {

    PaymentPageController(FieldsPageParts parts) {
        super(PaymentKind.KIND, PaymentJson.class, parts);
    }

    @Override
    protected ListPage listPage() {
        return PaymentPages.LIST;
    }
}
