package dev.crm.command.company;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.company.CompanyCommands.ChangeCompany;
import dev.crm.command.company.CompanyCommands.CreateCompany;
import dev.crm.command.company.CompanyCommands.DeleteCompany;
import dev.crm.command.company.CompanyCommands.RecordLeadConversion;
import dev.crm.command.company.CompanyCommands.RestoreCompany;
import dev.crm.command.company.CompanyCommands.TransferCompany;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.company.CompanyLeadConverted;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.company.CompanyRestored;
import dev.crm.shared.kind.Kind;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A company: the shared rules of a kind of fields by name ({@link FieldsAggregate}); a lead's conversion that found it
 * records itself in its history ({@link RecordLeadConversion}).
 */
@Aggregate
public class CompanyAggregate extends FieldsAggregate {

    protected CompanyAggregate() {
        // for Axon
    }

    @CommandHandler
    public CompanyAggregate(CreateCompany cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = checkedNew(CompanyKind.KIND, actor, cmd.fields(), checked -> { });
        apply(new CompanyCreated(cmd.companyId(), values, actor.username(), users.homeDepartment(actor.username())));
    }

    @CommandHandler
    public long handle(ChangeCompany cmd, MetaData metaData, UserDirectory users) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> { });
        if (!changes.isEmpty()) {
            apply(new CompanyChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferCompany cmd, MetaData metaData, UserDirectory users) {
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new CompanyOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    /** Sent by the conversion of a lead that found this company; the conversion checked its rights. */
    @CommandHandler
    public long handle(RecordLeadConversion cmd, MetaData metaData) {
        requireCausedBy(metaData, cmd.lead());
        apply(new CompanyLeadConverted(id(), cmd.lead(), cmd.contact()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteCompany cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new CompanyDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreCompany cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new CompanyRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return CompanyKind.KIND;
    }
}
