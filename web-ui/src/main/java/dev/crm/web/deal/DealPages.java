package dev.crm.web.deal;

import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The deal kind's part of the shared object pages. */
@Component
class DealPages extends FieldsKindPages {

    /** The deal list: name, stage, amount with its currency, probability, next step's date, whose; newest first. */
    static final ListPage LIST = new ListPage(DealKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(DealKind.DEAL_NAME), Column.of(DealKind.STAGE), Column.of(DealKind.AMOUNT).shownBy("amount"),
            Column.of(DealKind.PROBABILITY), Column.of(DealKind.NEXT_STEP_DATE), Column.of(ObjectFields.OWNER),
            Column.of(ObjectFields.DEPARTMENT), Column.of(ObjectFields.UPDATED_AT)));

    DealPages(FieldsPageParts parts) {
        super(DealKind.KIND, LIST, parts);
    }
}
