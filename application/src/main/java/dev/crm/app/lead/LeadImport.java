package dev.crm.app.lead;

import dev.crm.app.fields.FieldsService;
import dev.crm.app.imports.ImportRows;
import dev.crm.app.imports.ImportTarget;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.lead.LeadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Leads from a file. A lead repeats another with the same e-mail, or with the same first name, last name and company
 * name (all three compared, ignoring case; an empty one equals only an empty one). Its company and contact are its
 * conversion's, so no column fills them; its source is a lead source's ID.
 */
@Component
class LeadImport implements ImportTarget {

    private static final Sort BY_ID = new Sort(ObjectFields.ID.name(), false);
    private static final List<Field> NAMES = List.of(LeadKind.FIRST_NAME, LeadKind.LAST_NAME, LeadKind.COMPANY_NAME);

    private final FieldsService leads;

    LeadImport(FieldsService leads) {
        this.leads = leads;
    }

    @Override
    public Kind kind() {
        return LeadKind.KIND;
    }

    @Override
    public List<Field> fields() {
        return LeadKind.KIND.fields().stream().filter(f -> f != LeadKind.COMPANY && f != LeadKind.CONTACT).toList();
    }

    @Override
    public List<String> keys(Map<String, String> row) {
        List<String> keys = new ArrayList<>();
        String email = row.get(LeadKind.EMAIL.name());
        if (email != null) {
            keys.add(ImportRows.key(LeadKind.EMAIL.name(), email));
        }
        if (NAMES.stream().anyMatch(f -> row.get(f.name()) != null)) {
            keys.add(ImportRows.key("name", NAMES.stream().map(f -> row.get(f.name())).toArray(String[]::new)));
        }
        return keys;
    }

    @Override
    public boolean exists(Actor actor, Map<String, String> row) {
        String email = row.get(LeadKind.EMAIL.name());
        if (email != null && any(actor, email, l -> ImportRows.same(l.get(LeadKind.EMAIL), email))) {
            return true;
        }
        // the list's search looks in each name, so any one given finds every lead with the same names: the longest
        String searched = NAMES.stream().map(f -> row.get(f.name())).filter(v -> v != null)
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
        return searched != null && any(actor, searched,
                l -> NAMES.stream().allMatch(f -> same(l.get(f), row.get(f.name()))));
    }

    @Override
    public void create(Actor actor, Map<String, String> row) {
        leads.create(LeadKind.KIND, actor, ImportRows.values(LeadKind.KIND, row));
    }

    /** Whether a visible lead the list's search finds for {@code text} matches. */
    private boolean any(Actor actor, String text, Predicate<FieldsView> match) {
        return ImportRows.anyOf(page -> leads.list(LeadKind.KIND, actor, FieldsQueries.Filter.of(text, null), BY_ID,
                page, Page.MAX_SIZE).items(), Page.MAX_SIZE, match);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : ImportRows.same(a, b);
    }
}
