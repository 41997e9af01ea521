package dev.crm.web.campaign;

import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The campaign kind's part of the shared object pages. */
@Component
class CampaignPages extends FieldsKindPages {

    /** The campaign list: name, subject, status, sent, whose; newest change first. */
    static final ListPage LIST = new ListPage(CampaignKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(CampaignKind.CAMPAIGN_NAME), Column.of(CampaignKind.SUBJECT), Column.of(CampaignKind.STATUS),
            Column.of(CampaignKind.SENT), Column.of(ObjectFields.OWNER), Column.of(ObjectFields.DEPARTMENT),
            Column.of(ObjectFields.UPDATED_AT)));

    CampaignPages(FieldsPageParts parts) {
        super(CampaignKind.KIND, LIST, parts);
    }
}
