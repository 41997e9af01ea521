package dev.crm.app.contact;

import dev.crm.app.imports.ImportRows;
import dev.crm.app.imports.ImportTarget;
import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.app.fields.FieldsService;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Contacts from a file. The company column holds a company's ID, or its name, which must name exactly one
 * company the user sees. A contact repeats another with the same e-mail, or with the same first and last name
 * in the same company.
 */
@Component
class ContactImport implements ImportTarget {

    private static final Sort BY_ID = new Sort(ObjectFields.ID.name(), false);

    private final FieldsService objects;

    ContactImport(FieldsService objects) {
        this.objects = objects;
    }

    /** The company a row names: found, or the error saying why not. */
    private record Company(Long id, Rejected.FieldError error) {
    }

    @Override
    public Kind kind() {
        return ContactKind.KIND;
    }

    @Override
    public List<String> keys(Map<String, String> row) {
        List<String> keys = new ArrayList<>();
        String email = row.get(ContactKind.EMAIL.name());
        if (email != null) {
            keys.add(ImportRows.key(ContactKind.EMAIL.name(), email));
        }
        if (row.get(ContactKind.FIRST_NAME.name()) != null || row.get(ContactKind.LAST_NAME.name()) != null) {
            keys.add(ImportRows.key(ContactKind.COMPANY.name(), row.get(ContactKind.COMPANY.name()),
                    row.get(ContactKind.FIRST_NAME.name()), row.get(ContactKind.LAST_NAME.name())));
        }
        return keys;
    }

    @Override
    public boolean exists(Actor actor, Map<String, String> row) {
        String email = row.get(ContactKind.EMAIL.name());
        if (email != null && ImportRows.anyOf(page -> objects.list(ContactKind.KIND, actor,
                FieldsQueries.Filter.of(email, null), BY_ID, page, Page.MAX_SIZE).items(), Page.MAX_SIZE,
                c -> ImportRows.same(c.fields().get(ContactKind.EMAIL.name()), email))) {
            return true;
        }
        String first = row.get(ContactKind.FIRST_NAME.name());
        String last = row.get(ContactKind.LAST_NAME.name());
        Company company = company(actor, row.get(ContactKind.COMPANY.name()));
        if (company.id() == null || first == null && last == null) {
            return false;
        }
        String name = ContactKind.KIND.title(row);
        return ImportRows.anyOf(page -> objects.list(ContactKind.KIND, actor, new FieldsQueries.Filter(name,
                Map.of(ContactKind.COMPANY, company.id()), null), BY_ID, page, Page.MAX_SIZE).items(), Page.MAX_SIZE,
                c -> sameName(c, first, last));
    }

    @Override
    public void create(Actor actor, Map<String, String> row) {
        Company company = company(actor, row.get(ContactKind.COMPANY.name()));
        Map<String, Object> fields = ImportRows.values(ContactKind.KIND, row);
        fields.remove(ContactKind.COMPANY.name());
        if (company.error() == null) {
            if (company.id() != null) {
                fields.put(ContactKind.COMPANY.name(), company.id());
            }
            objects.create(ContactKind.KIND, actor, fields);
            return;
        }
        // the company's own error in place of the create's "required", with the create's errors of the other fields
        List<Rejected.FieldError> errors = new ArrayList<>();
        try {
            objects.create(ContactKind.KIND, actor, fields);
        } catch (Rejected.Invalid e) {
            e.errors().stream().filter(f -> !f.field().equals(ContactKind.COMPANY.name())).forEach(errors::add);
        }
        errors.add(company.error());
        throw new Rejected.Invalid(errors);
    }

    /** By ID (the create checks it is one the actor sees), or by a name that exactly one visible company has. */
    private Company company(Actor actor, String given) {
        if (given == null) {
            return new Company(null, null);
        }
        if (given.matches("\\d{1,18}")) {
            return new Company(Long.parseLong(given), null);
        }
        List<FieldsView> named = ImportRows.allOf(page -> objects.list(CompanyKind.KIND, actor,
                FieldsQueries.Filter.of(given, null), FieldsQueries.LATEST, page, Page.MAX_SIZE).items(), Page.MAX_SIZE,
                c -> ImportRows.same(c.fields().get(CompanyKind.COMPANY_NAME.name()), given), 2);
        if (named.size() == 1) {
            return new Company(named.get(0).id(), null);
        }
        return new Company(null, new Rejected.FieldError(ContactKind.COMPANY.name(),
                named.isEmpty() ? "import.error.company.unknown" : "import.error.company.ambiguous",
                new Object[] {given}));
    }

    private static boolean sameName(FieldsView contact, String first, String last) {
        return same(contact.fields().get(ContactKind.FIRST_NAME.name()), first)
                && same(contact.fields().get(ContactKind.LAST_NAME.name()), last);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : ImportRows.same(a, b);
    }
}
