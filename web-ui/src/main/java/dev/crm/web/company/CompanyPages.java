package dev.crm.web.company;

import dev.crm.app.company.CompanyService;
import dev.crm.app.object.DeletionPreview;
import dev.crm.command.Rejected;
import dev.crm.query.company.CompanyView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.object.KindPages;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The company kind's part of the shared object pages. */
@Component
class CompanyPages implements KindPages {

    /** The company list: name, where, how to reach it, whose; newest change first. */
    static final ListPage LIST = new ListPage(CompanyKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(CompanyKind.COMPANY_NAME), Column.of(CompanyKind.CITY), Column.of(CompanyKind.COUNTRY),
            Column.of(CompanyKind.EMAIL), Column.of(CompanyKind.PHONE), Column.of(ObjectFields.OWNER),
            Column.of(ObjectFields.DEPARTMENT), Column.of(ObjectFields.UPDATED_AT)));

    private final CompanyService service;

    CompanyPages(CompanyService service) {
        this.service = service;
    }

    @Override
    public Kind kind() {
        return CompanyKind.KIND;
    }

    @Override
    public ListPage list() {
        return LIST;
    }

    @Override
    public Shown visible(Actor actor, long id) {
        return shown(service.visible(actor, id));
    }

    @Override
    public Shown deletable(Actor actor, long id) {
        CompanyView company = service.visible(actor, id);
        if (!service.allows(actor, company, Action.DELETE)) {
            throw new Rejected.Forbidden("error.company.delete-forbidden");
        }
        return shown(company);
    }

    @Override
    public DeletionPreview deletionPreview(Actor actor, long id) {
        return service.deletionPreview(actor, id);
    }

    @Override
    public void delete(Actor actor, long id, Long version, Integer objects) {
        service.delete(actor, id, version, objects);
    }

    /** A company as the pages show it: its fields by name and the common ones. */
    static Map<String, Object> row(CompanyView c) {
        Map<String, Object> row = new LinkedHashMap<>(c.fields());
        row.put(ObjectFields.ID.name(), c.id());
        row.put(ObjectFields.VERSION.name(), c.version());
        row.put("title", c.name());
        row.put(CompanyKind.TAGS.name(), c.tags());
        row.put(ObjectFields.OWNER.name(), c.owner());
        row.put(ObjectFields.DEPARTMENT.name(), c.department());
        row.put(ObjectFields.CREATED_AT.name(), c.createdAt());
        row.put(ObjectFields.UPDATED_AT.name(), c.updatedAt());
        return row;
    }

    private static Shown shown(CompanyView c) {
        return new Shown(c.id(), c.version(), c.name());
    }
}
