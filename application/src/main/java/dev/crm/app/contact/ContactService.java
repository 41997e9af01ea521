package dev.crm.app.contact;

import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.kind.KindModel;
import dev.crm.app.object.DeletionPreview;
import dev.crm.app.object.ObjectAccess;
import dev.crm.command.Rejected;
import dev.crm.command.contact.ContactCommands.ChangeContact;
import dev.crm.command.contact.ContactCommands.CreateContact;
import dev.crm.command.contact.ContactCommands.DeleteContact;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.contact.ContactQueries;
import dev.crm.query.contact.ContactView;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the API and the pages do with contacts: send the command, answer the row its projection wrote. */
@Service
public class ContactService {

    private final CommandSender commands;
    private final ObjectIds ids;
    private final ContactQueries contacts;
    private final ObjectIndex objects;
    private final FileQueries files;
    private final ObjectAccess access;
    private final KindModel kinds;
    private final TransactionTemplate tx;

    ContactService(CommandSender commands, ObjectIds ids, ContactQueries contacts, ObjectIndex objects,
                   FileQueries files, ObjectAccess access, KindModel kinds, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.ids = ids;
        this.contacts = contacts;
        this.objects = objects;
        this.files = files;
        this.access = access;
        this.kinds = kinds;
        this.tx = new TransactionTemplate(transactions);
    }

    /** {@code fields}: its own fields by name but {@code company}; the company must be one the actor may view. */
    public ContactView create(Actor actor, Long company, Map<String, Object> fields) {
        long id = ids.next();
        commands.send(new CreateContact(id, company, fields), actor);
        return read(id);
    }

    public ContactView change(Actor actor, long id, Long expectedVersion, Map<String, Object> fields) {
        commands.send(new ChangeContact(id, expectedVersion, fields), actor);
        return read(id);
    }

    public ContactView visible(Actor actor, long id) {
        return contacts.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }

    public Page<ContactView> list(Actor actor, String text, Long company, Collection<Long> departments, Sort sort,
                                  int page, int size) {
        return contacts.list(actor, text, company, departments, sort, page, size);
    }

    /** Whether the actor may do this to the contact (for the pages' buttons; the aggregate decides). */
    public boolean allows(Actor actor, ContactView contact, Action action) {
        return contacts.allows(contact, actor, action);
    }

    /** Deletes the contact and its file objects in one transaction; {@code expectedObjects}: as the preview said. */
    public void delete(Actor actor, long id, Long expectedVersion, Integer expectedObjects) {
        deletable(actor, id);
        tx.executeWithoutResult(status -> {
            objects.lock(id);
            List<ObjectSummary> parts = parts(id);
            DeletionPreview.requireCount(expectedObjects, parts.size());
            Cascade cascade = Cascade.of(id);
            for (int i = parts.size() - 1; i > 0; i--) {
                ObjectSummary part = parts.get(i);
                kinds.of(part.kind()).deleteAsPart(actor, part.id(), cascade);
            }
            commands.send(new DeleteContact(id, expectedVersion), actor, cascade.forRoot());
        });
    }

    /** Exactly what deleting the contact removes: it, then its file objects. */
    public DeletionPreview deletionPreview(Actor actor, long id) {
        deletable(actor, id);
        return DeletionPreview.of(parts(id), actor, access);
    }

    /** The contact first, then its file objects: what a delete of it (or of its company) takes of it. */
    public List<ObjectSummary> parts(long id) {
        List<ObjectSummary> parts = new ArrayList<>();
        objects.find(id).ifPresent(parts::add);
        for (FileView file : files.attachedTo(id)) {
            objects.find(file.id()).ifPresent(parts::add);
        }
        return parts;
    }

    private void deletable(Actor actor, long id) {
        if (!contacts.allows(visible(actor, id), actor, Action.DELETE)) {
            throw new Rejected.Forbidden("error.contact.delete-forbidden");
        }
    }

    private ContactView read(long id) {
        return contacts.afterCommand(id)
                .orElseThrow(() -> new IllegalStateException("contact " + id + " missing after its command"));
    }
}
