package dev.crm.web.contact;

import dev.crm.shared.contact.ContactKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The contact pages: list (also of one company's), show, create (for a company) and edit. */
@Controller
@HtmlPages
@RequestMapping("/contacts")
class ContactPageController extends FieldsPageController {

    ContactPageController(FieldsPageParts parts) {
        super(ContactKind.KIND, ContactJson.class, parts);
    }

    @Override
    protected ListPage listPage() {
        return ContactPages.LIST;
    }
}
