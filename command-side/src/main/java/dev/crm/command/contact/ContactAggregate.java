package dev.crm.command.contact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Input;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.contact.ContactCommands.ChangeContact;
import dev.crm.command.contact.ContactCommands.CreateContact;
import dev.crm.command.contact.ContactCommands.DeleteContact;
import dev.crm.command.contact.ContactCommands.FollowCompanyOwner;
import dev.crm.command.contact.ContactCommands.RecordLeadConversion;
import dev.crm.command.contact.ContactCommands.RestoreContact;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactDeleted;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.contact.ContactLeadConverted;
import dev.crm.shared.contact.ContactMoved;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.contact.ContactRestored;
import dev.crm.shared.kind.Kind;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A contact person of a company. It has its company's owner and department, always: they are taken from the company
 * at creation and when it moves to another company (a change of its company, {@link ContactMoved}), and a transfer of
 * the company reaches each of its contacts ({@link FollowCompanyOwner}). Its rights are the matrix's, as the company's; it needs a first or a last name.
 */
@Aggregate
public class ContactAggregate extends FieldsAggregate {

    protected ContactAggregate() {
        // for Axon
    }

    @CommandHandler
    public ContactAggregate(CreateContact cmd, MetaData metaData, ContactCompanies companies) {
        Actor actor = Actor.fromMetaData(metaData);
        ContactCompanies.Holder[] holder = new ContactCompanies.Holder[1];
        Map<String, String> values = checkedNew(ContactKind.KIND, actor, cmd.fields(), checked -> {
            requireAName(checked);
            if (cmd.company() == null) {
                checked.errors().add(Input.error(ContactKind.COMPANY, "validation.required"));
            } else {
                holder[0] = companies.visible(cmd.company(), actor).orElse(null);
                if (holder[0] == null) {
                    checked.errors().add(Input.error(ContactKind.COMPANY, "validation.contact.unknown-company",
                            cmd.company()));
                }
            }
        });
        apply(new ContactCreated(cmd.contactId(), values, cmd.company(), holder[0].owner(), holder[0].department()));
    }

    /**
     * A change of its own fields, and of its company: the contact moves to a live company the actor sees, taking its
     * owner and department ({@link ContactMoved}, after the change of its other fields).
     */
    @CommandHandler
    public long handle(ChangeContact cmd, MetaData metaData, UserDirectory users, ContactCompanies companies) {
        Actor actor = Actor.fromMetaData(metaData);
        ContactCompanies.Holder[] holder = new ContactCompanies.Holder[1];
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            requireAName(checked);
            String company = checked.values().get(ContactKind.COMPANY.name());
            if (company == null) {
                if (checked.errors().stream().noneMatch(e -> ContactKind.COMPANY.is(e.field()))) {
                    checked.errors().add(Input.error(ContactKind.COMPANY, "validation.required"));
                }
            } else if (!company.equals(fields().get(ContactKind.COMPANY.name()))) {
                holder[0] = companies.visible(Long.parseLong(company), actor).orElse(null);
                if (holder[0] == null) {
                    checked.errors().add(Input.error(ContactKind.COMPANY, "validation.contact.unknown-company",
                            Long.parseLong(company)));
                }
            }
        });
        List<FieldChange> own = changes.stream().filter(c -> !ContactKind.COMPANY.is(c.field())).toList();
        if (!own.isEmpty()) {
            apply(new ContactChanged(id(), own));
        }
        if (holder[0] != null) {
            apply(new ContactMoved(id(), Long.parseLong(fields().get(ContactKind.COMPANY.name())),
                    Long.parseLong(changes.stream().filter(c -> ContactKind.COMPANY.is(c.field())).findFirst()
                            .orElseThrow().to()), owner(), holder[0].owner(), department(), holder[0].department()));
        }
        return Versions.current();
    }

    /** Sent by the company's transfer, in its transaction, which checked the right to transfer the company. */
    @CommandHandler
    public long handle(FollowCompanyOwner cmd, MetaData metaData) {
        if (followsHolder(metaData, cmd.company(), cmd.owner())) {
            apply(new ContactOwnerChanged(id(), owner(), cmd.owner(), cmd.company()));
        }
        return Versions.current();
    }

    /** Sent by the conversion of a lead that found this contact; the conversion checked its rights. */
    @CommandHandler
    public long handle(RecordLeadConversion cmd, MetaData metaData) {
        requireCausedBy(metaData, cmd.lead());
        apply(new ContactLeadConverted(id(), cmd.lead()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteContact cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new ContactDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreContact cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new ContactRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return ContactKind.KIND;
    }

    /** A contact has a first name or a last name (or both). */
    private static void requireAName(Checked checked) {
        if (checked.values().get(ContactKind.FIRST_NAME.name()) == null
                && checked.values().get(ContactKind.LAST_NAME.name()) == null
                && checked.errors().stream().noneMatch(e -> ContactKind.FIRST_NAME.is(e.field())
                || ContactKind.LAST_NAME.is(e.field()))) {
            checked.errors().add(Input.error(ContactKind.LAST_NAME, "validation.contact.name-required"));
        }
    }
}
