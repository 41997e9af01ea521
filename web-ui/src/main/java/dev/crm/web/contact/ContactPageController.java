package dev.crm.web.contact;

import dev.crm.query.fields.FieldsView;
import dev.crm.shared.contact.ContactKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The contact pages: list (also of one company's), show, create (for a company) and edit, where its company is a
 * choice: choosing another moves it there, with that company's owner and department (its aggregate's rule).
 */
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

    /** Nothing is fixed on its edit form: its company is a choice among those the user may see (a move). */
    @Override
    protected Map<String, Long> fixedOf(FieldsView object) {
        return Map.of();
    }
}
