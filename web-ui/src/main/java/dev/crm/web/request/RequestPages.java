package dev.crm.web.request;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.request.RequestKind;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The request kind's part of the shared object pages, and what its templates ask of a request as the pages show it
 * ({@code @requestPages.flag(request, 'pending')}).
 */
@Component("requestPages")
public class RequestPages extends FieldsKindPages {

    /** The request list: subject (with its flags), who sent it, their company, whose; newest change first. */
    static final ListPage LIST = new ListPage(RequestKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(RequestKind.SUBJECT), Column.of(RequestKind.LAST_NAME)
                    .labelled("request.field.name").shownBy("name"),
            Column.of(RequestKind.COMPANY_NAME), Column.of(RequestKind.EMAIL), Column.of(RequestKind.PHONE),
            Column.of(ObjectFields.OWNER), Column.of(ObjectFields.UPDATED_AT)));

    RequestPages(FieldsPageParts parts) {
        super(RequestKind.KIND, LIST, parts);
    }

    /** Whether a flag of the request (a row of {@code FieldsPageParts#row}) is set. */
    public boolean flag(Map<String, Object> request, String field) {
        return "true".equals(String.valueOf(request.get(field)));
    }
}
