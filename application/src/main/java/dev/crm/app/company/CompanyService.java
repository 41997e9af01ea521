package dev.crm.app.company;

import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.contact.ContactService;
import dev.crm.app.kind.KindModel;
import dev.crm.app.object.DeletionPreview;
import dev.crm.app.object.ObjectAccess;
import dev.crm.command.Rejected;
import dev.crm.command.company.CompanyCommands.ChangeCompany;
import dev.crm.command.company.CompanyCommands.CreateCompany;
import dev.crm.command.company.CompanyCommands.DeleteCompany;
import dev.crm.command.company.CompanyCommands.TransferCompany;
import dev.crm.command.contact.ContactCommands.FollowCompanyOwner;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.company.CompanyQueries;
import dev.crm.query.company.CompanyView;
import dev.crm.query.contact.ContactQueries;
import dev.crm.query.contact.ContactView;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.access.Permissions.Action;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the API and the pages do with companies. A transfer carries over to the company's contacts and a delete takes
 * them (with their files and the company's), each in one transaction under the company's lock.
 */
@Service
public class CompanyService {

    private final CommandSender commands;
    private final ObjectIds ids;
    private final CompanyQueries companies;
    private final ContactQueries contacts;
    private final ContactService contactService;
    private final ObjectIndex objects;
    private final FileQueries files;
    private final ObjectAccess access;
    private final KindModel kinds;
    private final TransactionTemplate tx;

    CompanyService(CommandSender commands, ObjectIds ids, CompanyQueries companies, ContactQueries contacts,
                   ContactService contactService, ObjectIndex objects, FileQueries files, ObjectAccess access,
                   KindModel kinds, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.ids = ids;
        this.companies = companies;
        this.contacts = contacts;
        this.contactService = contactService;
        this.objects = objects;
        this.files = files;
        this.access = access;
        this.kinds = kinds;
        this.tx = new TransactionTemplate(transactions);
    }

    /** {@code fields}: its own fields by name (a text, or a list of texts for tags). */
    public CompanyView create(Actor actor, Map<String, Object> fields) {
        long id = ids.next();
        commands.send(new CreateCompany(id, fields), actor);
        return read(id);
    }

    public CompanyView change(Actor actor, long id, Long expectedVersion, Map<String, Object> fields) {
        commands.send(new ChangeCompany(id, expectedVersion, fields), actor);
        return read(id);
    }

    /**
     * Gives the company to another owner, and so each of its contacts: each contact gets its own event, an automatic
     * change by the same user, caused by the company ({@link Causes#CAUSED_BY}); all in one transaction.
     */
    public CompanyView transfer(Actor actor, long id, Long expectedVersion, String owner) {
        visible(actor, id);
        return tx.execute(status -> {
            objects.lock(id);
            commands.send(new TransferCompany(id, expectedVersion, owner), actor);
            CompanyView company = read(id);
            for (ContactView contact : contacts.ofCompany(id)) {
                if (!contact.owner().equals(company.owner())) {
                    commands.send(new FollowCompanyOwner(contact.id(), id, company.owner()), actor,
                            Map.of(Causes.CAUSED_BY, id));
                }
            }
            return company;
        });
    }

    public CompanyView visible(Actor actor, long id) {
        return companies.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }

    public Page<CompanyView> list(Actor actor, String text, Collection<Long> departments, Sort sort, int page,
                                  int size) {
        return companies.list(actor, text, departments, sort, page, size);
    }

    /** Whether the actor may do this to the company (for the pages' buttons; the aggregate decides). */
    public boolean allows(Actor actor, CompanyView company, Action action) {
        return companies.allows(company, actor, action);
    }

    /** Deletes the company, its file objects, its contacts and theirs, in one transaction. */
    public void delete(Actor actor, long id, Long expectedVersion, Integer expectedObjects) {
        deletable(actor, id);
        tx.executeWithoutResult(status -> {
            objects.lock(id);
            List<ObjectSummary> parts = parts(id);
            DeletionPreview.requireCount(expectedObjects, parts.size());
            Cascade cascade = Cascade.of(id);
            // the last listed first: a contact's files before the contact, the company itself last
            for (int i = parts.size() - 1; i > 0; i--) {
                ObjectSummary part = parts.get(i);
                kinds.of(part.kind()).deleteAsPart(actor, part.id(), cascade);
            }
            commands.send(new DeleteCompany(id, expectedVersion), actor, cascade.forRoot());
        });
    }

    /** Exactly what deleting the company removes: it, its files, then each contact with its files. */
    public DeletionPreview deletionPreview(Actor actor, long id) {
        deletable(actor, id);
        return DeletionPreview.of(parts(id), actor, access);
    }

    private List<ObjectSummary> parts(long id) {
        List<ObjectSummary> parts = new ArrayList<>();
        objects.find(id).ifPresent(parts::add);
        for (FileView file : files.attachedTo(id)) {
            objects.find(file.id()).ifPresent(parts::add);
        }
        for (ContactView contact : contacts.ofCompany(id)) {
            parts.addAll(contactService.parts(contact.id()));
        }
        return parts;
    }

    private void deletable(Actor actor, long id) {
        if (!companies.allows(visible(actor, id), actor, Action.DELETE)) {
            throw new Rejected.Forbidden("error.company.delete-forbidden");
        }
    }

    private CompanyView read(long id) {
        return companies.afterCommand(id)
                .orElseThrow(() -> new IllegalStateException("company " + id + " missing after its command"));
    }
}
