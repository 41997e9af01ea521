package dev.crm.web.lead;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.lead.LeadKind;
import dev.crm.web.fields.FieldsKindPages;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lead kind's part of the shared object pages, and what its templates ask of a lead as the pages show it
 * ({@code @leadPages.converted(lead)}): whether it was converted, and into what.
 */
@Component("leadPages")
public class LeadPages extends FieldsKindPages {

    /** The lead list: the person, their company, how to reach them, whose; newest change first. */
    static final ListPage LIST = new ListPage(LeadKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(LeadKind.LAST_NAME).labelled("lead.field.name").shownBy("name"),
            Column.of(LeadKind.COMPANY_NAME), Column.of(LeadKind.EMAIL), Column.of(LeadKind.PHONE),
            Column.of(LeadKind.CITY), Column.of(ObjectFields.OWNER), Column.of(ObjectFields.UPDATED_AT)));

    LeadPages(FieldsPageParts parts) {
        super(LeadKind.KIND, LIST, parts);
    }

    /** Whether the lead (a row of {@code FieldsPageParts#row}) was converted. */
    public boolean converted(Map<String, Object> lead) {
        return lead.get(LeadKind.CONTACT.name()) != null;
    }

    /**
     * What a converted lead became, each as {@code name} (its field), {@code label} (a message key), {@code id},
     * {@code title} (null when the user may not see it) and {@code href}; nothing for a lead not converted.
     */
    public List<Map<String, Object>> conversion(Map<String, Object> lead) {
        if (!converted(lead)) {
            return List.of();
        }
        List<Map<String, Object>> made = new ArrayList<>();
        for (Field field : List.of(LeadKind.COMPANY, LeadKind.CONTACT)) {
            Object id = lead.get(field.name());
            Map<String, Object> one = new HashMap<>();
            one.put("name", field.name());
            one.put("label", field.label());
            one.put("id", id);
            one.put("title", lead.get(field.name() + "Title"));
            one.put("href", "/" + Kinds.of(field.name()).path() + "/" + id);
            made.add(one);
        }
        return made;
    }
}
