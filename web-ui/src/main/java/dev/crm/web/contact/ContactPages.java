package dev.crm.web.contact;

import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The contact kind's part of the shared object pages. */
@Component
class ContactPages extends FieldsKindPages {

    /** The contact list: name, job, company, how to reach them, whose; newest change first. */
    static final ListPage LIST = new ListPage(ContactKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(ContactKind.LAST_NAME).labelled("contact.field.name").shownBy("name"),
            Column.of(ContactKind.JOB_TITLE), Column.of(ContactKind.COMPANY).shownBy("companyCell"),
            Column.of(ContactKind.EMAIL), Column.of(ContactKind.PHONE), Column.of(ObjectFields.OWNER),
            Column.of(ObjectFields.UPDATED_AT)));

    ContactPages(FieldsPageParts parts) {
        super(ContactKind.KIND, LIST, parts);
    }
}
