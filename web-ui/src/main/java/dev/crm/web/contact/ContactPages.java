package dev.crm.web.contact;

import dev.crm.app.contact.ContactService;
import dev.crm.app.object.DeletionPreview;
import dev.crm.command.Rejected;
import dev.crm.query.contact.ContactView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.object.KindPages;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The contact kind's part of the shared object pages. */
@Component
class ContactPages implements KindPages {

    /** The contact list: name, job, company, how to reach them, whose; newest change first. */
    static final ListPage LIST = new ListPage(ContactKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(ContactKind.LAST_NAME).labelled("contact.field.name").shownBy("name"),
            Column.of(ContactKind.JOB_TITLE), Column.of(ContactKind.COMPANY).shownBy("companyCell"),
            Column.of(ContactKind.EMAIL), Column.of(ContactKind.PHONE), Column.of(ObjectFields.OWNER),
            Column.of(ObjectFields.UPDATED_AT)));

    private final ContactService service;

    ContactPages(ContactService service) {
        this.service = service;
    }

    @Override
    public Kind kind() {
        return ContactKind.KIND;
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
        ContactView contact = service.visible(actor, id);
        if (!service.allows(actor, contact, Action.DELETE)) {
            throw new Rejected.Forbidden("error.contact.delete-forbidden");
        }
        return shown(contact);
    }

    @Override
    public DeletionPreview deletionPreview(Actor actor, long id) {
        return service.deletionPreview(actor, id);
    }

    @Override
    public void delete(Actor actor, long id, Long version, Integer objects) {
        service.delete(actor, id, version, objects);
    }

    /** A contact as the pages show it: its fields by name, the common ones, its company's name (null: unseen). */
    static Map<String, Object> row(ContactView c, String companyName) {
        Map<String, Object> row = new LinkedHashMap<>(c.fields());
        row.put(ObjectFields.ID.name(), c.id());
        row.put(ObjectFields.VERSION.name(), c.version());
        row.put("title", c.title());
        row.put(ContactKind.COMPANY.name(), c.company());
        row.put("companyName", companyName);
        row.put(ObjectFields.OWNER.name(), c.owner());
        row.put(ObjectFields.DEPARTMENT.name(), c.department());
        row.put(ObjectFields.CREATED_AT.name(), c.createdAt());
        row.put(ObjectFields.UPDATED_AT.name(), c.updatedAt());
        return row;
    }

    private static Shown shown(ContactView c) {
        return new Shown(c.id(), c.version(), c.title());
    }
}
