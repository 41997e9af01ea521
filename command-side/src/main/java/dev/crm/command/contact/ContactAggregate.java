package dev.crm.command.contact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Cascades;
import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.Restoring;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.contact.ContactCommands.ChangeContact;
import dev.crm.command.contact.ContactCommands.CreateContact;
import dev.crm.command.contact.ContactCommands.DeleteContact;
import dev.crm.command.contact.ContactCommands.FollowCompanyOwner;
import dev.crm.command.contact.ContactCommands.RestoreContact;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactDeleted;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.contact.ContactRestored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A contact person of a company. It has its company's owner and department, always: they are taken from the company
 * at creation, its company is never changed, and a transfer of the company reaches each of its contacts
 * ({@link FollowCompanyOwner}). Its rights are the matrix's, as the company's.
 */
@Aggregate
public class ContactAggregate {

    @AggregateIdentifier
    private Long contactId;
    private final Map<String, String> fields = new HashMap<>();
    private long company;
    private String owner;
    private Long department;
    private boolean deleted;

    protected ContactAggregate() {
        // for Axon
    }

    @CommandHandler
    public ContactAggregate(CreateContact cmd, MetaData metaData, ContactCompanies companies) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!Permissions.allows(actor, ContactKind.NAME, Action.ADD)) {
            throw new Rejected.Forbidden("error.contact.add-forbidden");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        Map<String, String> values = Input.fields(ContactKind.KIND, cmd.fields(), true, errors);
        requireAName(values, errors);
        ContactCompanies.Holder holder = null;
        if (cmd.company() == null) {
            errors.add(Input.error(ContactKind.COMPANY, "validation.required"));
        } else {
            holder = companies.visible(cmd.company(), actor).orElse(null);
            if (holder == null) {
                errors.add(Input.error(ContactKind.COMPANY, "validation.contact.unknown-company", cmd.company()));
            }
        }
        Input.throwIfAny(errors);
        apply(new ContactCreated(cmd.contactId(), values, cmd.company(), holder.owner(), holder.department()));
    }

    @CommandHandler
    public long handle(ChangeContact cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        require(actor, Action.CHANGE, users, "error.contact.change-forbidden");
        Versions.require(cmd.expectedVersion());
        List<Rejected.FieldError> errors = new ArrayList<>();
        Map<String, String> values = Input.fields(ContactKind.KIND, cmd.fields(), false, errors);
        Map<String, String> after = new HashMap<>(fields);
        after.putAll(values);
        requireAName(after, errors);
        Input.throwIfAny(errors);
        List<FieldChange> changes = Input.changes(ContactKind.KIND, fields, values);
        if (!changes.isEmpty()) {
            apply(new ContactChanged(contactId, changes));
        }
        return Versions.current();
    }

    /** Sent by the company's transfer, in its transaction, which checked the right to transfer the company. */
    @CommandHandler
    public long handle(FollowCompanyOwner cmd, MetaData metaData) {
        if (owner == null || deleted || company != cmd.company()
                || !Long.valueOf(cmd.company()).toString().equals(String.valueOf(metaData.get(Causes.CAUSED_BY)))) {
            throw new Rejected.NotFound(contactId);
        }
        if (!cmd.owner().equals(owner)) {
            apply(new ContactOwnerChanged(contactId, owner, cmd.owner(), cmd.company()));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteContact cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        if (Cascades.isPart(metaData)) {
            // goes with its company, whose own delete was checked in the same transaction
            if (owner == null || deleted) {
                throw new Rejected.NotFound(contactId);
            }
        } else {
            require(actor, Action.DELETE, users, "error.contact.delete-forbidden");
        }
        Versions.require(cmd.expectedVersion());
        apply(new ContactDeleted(contactId));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreContact cmd, MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), deleted);
        apply(new ContactRestored(contactId));
        return Versions.current();
    }

    /** A contact has a first name or a last name (or both). */
    private static void requireAName(Map<String, String> values, List<Rejected.FieldError> errors) {
        if (values.get(ContactKind.FIRST_NAME.name()) == null && values.get(ContactKind.LAST_NAME.name()) == null
                && errors.stream().noneMatch(e -> ContactKind.FIRST_NAME.is(e.field()) || ContactKind.LAST_NAME.is(e.field()))) {
            errors.add(Input.error(ContactKind.LAST_NAME, "validation.contact.name-required"));
        }
    }

    /** 404 unless the actor may see the live contact; 403 when they may see it but not do this. */
    private void require(Actor actor, Action action, UserDirectory users, String refusal) {
        if (owner == null || deleted || !Permissions.reaches(actor, ContactKind.NAME, Action.VIEW, owner, department,
                () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.NotFound(contactId);
        }
        if (!Permissions.reaches(actor, ContactKind.NAME, action, owner, department,
                () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.Forbidden(refusal);
        }
    }

    @EventSourcingHandler
    void on(ContactCreated e) {
        contactId = e.contactId();
        fields.putAll(e.fields());
        company = e.company();
        owner = e.owner();
        department = e.department();
    }

    @EventSourcingHandler
    void on(ContactChanged e) {
        for (FieldChange c : e.changes()) {
            fields.put(c.field(), c.to());
        }
    }

    @EventSourcingHandler
    void on(ContactOwnerChanged e) {
        owner = e.to();
    }

    @EventSourcingHandler
    void on(ContactDeleted e) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(ContactRestored e) {
        deleted = false;
    }
}
