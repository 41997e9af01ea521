package dev.crm.command.lead;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Input;
import dev.crm.command.LeadSources;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.command.lead.LeadCommands.ChangeLead;
import dev.crm.command.lead.LeadCommands.ConvertLead;
import dev.crm.command.lead.LeadCommands.CreateLead;
import dev.crm.command.lead.LeadCommands.DeleteLead;
import dev.crm.command.lead.LeadCommands.RestoreLead;
import dev.crm.command.lead.LeadCommands.TransferLead;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.lead.LeadChanged;
import dev.crm.shared.lead.LeadConverted;
import dev.crm.shared.lead.LeadCreated;
import dev.crm.shared.lead.LeadDeleted;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.lead.LeadOwnerChanged;
import dev.crm.shared.lead.LeadRestored;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lead: the shared rules of a kind of fields by name ({@link FieldsAggregate}), and its own: a first name, a last
 * name or a company name; its source a live lead source; converted once ({@link ConvertLead}), after which it
 * cannot be changed, transferred or converted again (409). Its company and contact are set by the conversion only.
 */
@Aggregate
public class LeadAggregate extends FieldsAggregate {

    /** The fields only the conversion sets. */
    private static final List<Field> CONVERSION = List.of(LeadKind.COMPANY, LeadKind.CONTACT);

    protected LeadAggregate() {
        // for Axon
    }

    @CommandHandler
    public LeadAggregate(CreateLead cmd, MetaData metaData, UserDirectory users, LeadSources sources) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = checkedNew(LeadKind.KIND, actor, cmd.fields(),
                checked -> rules(checked, cmd.fields(), sources));
        apply(new LeadCreated(cmd.leadId(), values, actor.username(), users.homeDepartment(actor.username())));
    }

    @CommandHandler
    public long handle(ChangeLead cmd, MetaData metaData, UserDirectory users, LeadSources sources) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            requireOpen();
            rules(checked, cmd.fields(), sources);
        });
        if (!changes.isEmpty()) {
            apply(new LeadChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferLead cmd, MetaData metaData, UserDirectory users) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        requireOpen();
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new LeadOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    /** Sent by the conversion, in its transaction, after it found or made the company and made the contact. */
    @CommandHandler
    public long handle(ConvertLead cmd, MetaData metaData, UserDirectory users) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        Versions.require(cmd.expectedVersion());
        requireOpen();
        apply(new LeadConverted(id(), cmd.company(), cmd.contact()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteLead cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new LeadDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreLead cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new LeadRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return LeadKind.KIND;
    }

    /** Whether it was converted. */
    private boolean converted() {
        return fields().get(LeadKind.CONTACT.name()) != null;
    }

    /** A converted lead is closed: 409. */
    private void requireOpen() {
        if (converted()) {
            throw new Rejected.WrongState("error.lead.converted", id());
        }
    }

    /**
     * A lead has a first name, a last name or a company name; a source given is a live lead source; its company and
     * contact are not given (the conversion sets them).
     */
    private static void rules(Checked checked, Map<String, Object> given, LeadSources sources) {
        for (Field field : CONVERSION) {
            if (given.containsKey(field.name())) {
                checked.errors().add(Input.error(field, "validation.lead.set-by-conversion"));
            }
        }
        Map<String, String> values = checked.values();
        if (values.get(LeadKind.FIRST_NAME.name()) == null && values.get(LeadKind.LAST_NAME.name()) == null
                && values.get(LeadKind.COMPANY_NAME.name()) == null
                && checked.errors().stream().noneMatch(e -> LeadKind.FIRST_NAME.is(e.field())
                || LeadKind.LAST_NAME.is(e.field()) || LeadKind.COMPANY_NAME.is(e.field()))) {
            checked.errors().add(Input.error(LeadKind.LAST_NAME, "validation.lead.name-required"));
        }
        String source = values.get(LeadKind.SOURCE.name());
        if (given.containsKey(LeadKind.SOURCE.name()) && source != null
                && checked.errors().stream().noneMatch(e -> LeadKind.SOURCE.is(e.field()))
                && !sources.exists(Long.parseLong(source))) {
            checked.errors().add(Input.error(LeadKind.SOURCE, "validation.lead.unknown-source", Long.parseLong(source)));
        }
    }
}
