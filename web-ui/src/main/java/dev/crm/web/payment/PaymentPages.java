package dev.crm.web.payment;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The payment kind's part of the shared object pages. */
@Component
class PaymentPages extends FieldsKindPages {

    /** The payment list: amount with its currency, deal, date, status, numbers, whose; newest change first. */
    static final ListPage LIST = new ListPage(PaymentKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(PaymentKind.AMOUNT).shownBy("amountCell"), Column.of(PaymentKind.DEAL).shownBy("dealCell"),
            Column.of(PaymentKind.DATE), Column.of(PaymentKind.STATUS), Column.of(PaymentKind.INVOICE_NUMBER),
            Column.of(ObjectFields.OWNER), Column.of(ObjectFields.UPDATED_AT)));

    PaymentPages(FieldsPageParts parts) {
        super(PaymentKind.KIND, LIST, parts);
    }
}
