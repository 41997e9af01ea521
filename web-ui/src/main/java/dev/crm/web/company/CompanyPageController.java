package dev.crm.web.company;

import dev.crm.shared.company.CompanyKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The company pages: list, show (with its contacts and the transfer), create and edit. */
@Controller
@HtmlPages
@RequestMapping("/companies")
class CompanyPageController extends FieldsPageController {

    CompanyPageController(FieldsPageParts parts) {
        super(CompanyKind.KIND, CompanyJson.class, parts);
    }

    @Override
    protected ListPage listPage() {
        return CompanyPages.LIST;
    }
}
