package dev.crm.web.company;

import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The company kind's part of the shared object pages. */
@Component
class CompanyPages extends FieldsKindPages {

    /** The company list: name, where, how to reach it, whose; newest change first. */
    static final ListPage LIST = new ListPage(CompanyKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(CompanyKind.COMPANY_NAME), Column.of(CompanyKind.CITY), Column.of(CompanyKind.COUNTRY),
            Column.of(CompanyKind.EMAIL), Column.of(CompanyKind.PHONE), Column.of(ObjectFields.OWNER),
            Column.of(ObjectFields.DEPARTMENT), Column.of(ObjectFields.UPDATED_AT)));

    CompanyPages(FieldsPageParts parts) {
        super(CompanyKind.KIND, LIST, parts);
    }
}
