package dev.crm.app.company;

import dev.crm.app.imports.ImportRows;
import dev.crm.app.imports.ImportTarget;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.app.fields.FieldsService;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Companies from a file: a company repeats another with the same name (ignoring case) or the same e-mail. */
@Component
class CompanyImport implements ImportTarget {

    private static final Sort BY_NAME = new Sort(CompanyKind.COMPANY_NAME.name(), false);

    private final FieldsService companies;

    CompanyImport(FieldsService companies) {
        this.companies = companies;
    }

    @Override
    public Kind kind() {
        return CompanyKind.KIND;
    }

    @Override
    public List<String> keys(Map<String, String> row) {
        List<String> keys = new ArrayList<>();
        String name = row.get(CompanyKind.COMPANY_NAME.name());
        String email = row.get(CompanyKind.EMAIL.name());
        if (name != null) {
            keys.add(ImportRows.key(CompanyKind.COMPANY_NAME.name(), name));
        }
        if (email != null) {
            keys.add(ImportRows.key(CompanyKind.EMAIL.name(), email));
        }
        return keys;
    }

    @Override
    public boolean exists(Actor actor, Map<String, String> row) {
        return same(actor, CompanyKind.COMPANY_NAME.name(), row) || same(actor, CompanyKind.EMAIL.name(), row);
    }

    @Override
    public void create(Actor actor, Map<String, String> row) {
        companies.create(CompanyKind.KIND, actor, ImportRows.values(CompanyKind.KIND, row));
    }

    /** A visible company whose field holds the row's value (the list's search finds it, then compared whole). */
    private boolean same(Actor actor, String field, Map<String, String> row) {
        String value = row.get(field);
        return value != null && ImportRows.anyOf(page -> {
            Page<FieldsView> found = companies.list(CompanyKind.KIND, actor, FieldsQueries.Filter.of(value, null),
                    BY_NAME, page, Page.MAX_SIZE);
            return found.items();
        }, Page.MAX_SIZE, c -> ImportRows.same(c.fields().get(field), value));
    }
}
