package dev.crm.web.email;

import dev.crm.shared.email.EmailKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The e-mail kind's part of the shared object pages. */
@Component
class EmailPages extends FieldsKindPages {

    /** The e-mail list (the outbox): subject, recipients, status, whose; newest change first. */
    static final ListPage LIST = new ListPage(EmailKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(EmailKind.SUBJECT), Column.of(EmailKind.TO), Column.of(EmailKind.STATUS),
            Column.of(ObjectFields.OWNER), Column.of(ObjectFields.UPDATED_AT)));

    EmailPages(FieldsPageParts parts) {
        super(EmailKind.KIND, LIST, parts);
    }
}
