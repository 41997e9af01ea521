package dev.crm.command.company;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.Restoring;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.company.CompanyCommands.ChangeCompany;
import dev.crm.command.company.CompanyCommands.CreateCompany;
import dev.crm.command.company.CompanyCommands.DeleteCompany;
import dev.crm.command.company.CompanyCommands.RestoreCompany;
import dev.crm.command.company.CompanyCommands.TransferCompany;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.company.CompanyRestored;
import dev.crm.shared.kind.ObjectFields;
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
 * A company. Its rights are the permission matrix alone ({@link Permissions#reaches}: managers their own,
 * operators their departments'); its fields are checked by their declarations ({@code Input.fields}). A deleted
 * company answers every command but its restore as if it did not exist.
 */
@Aggregate
public class CompanyAggregate {

    @AggregateIdentifier
    private Long companyId;
    private final Map<String, String> fields = new HashMap<>();
    private String owner;
    private Long department;
    private boolean deleted;

    protected CompanyAggregate() {
        // for Axon
    }

    @CommandHandler
    public CompanyAggregate(CreateCompany cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!Permissions.allows(actor, CompanyKind.NAME, Action.ADD)) {
            throw new Rejected.Forbidden("error.company.add-forbidden");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        Map<String, String> values = Input.fields(CompanyKind.KIND, cmd.fields(), true, errors);
        Input.throwIfAny(errors);
        apply(new CompanyCreated(cmd.companyId(), values, actor.username(), users.homeDepartment(actor.username())));
    }

    @CommandHandler
    public long handle(ChangeCompany cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        require(actor, Action.CHANGE, users, "error.company.change-forbidden");
        Versions.require(cmd.expectedVersion());
        List<Rejected.FieldError> errors = new ArrayList<>();
        Map<String, String> values = Input.fields(CompanyKind.KIND, cmd.fields(), false, errors);
        Input.throwIfAny(errors);
        List<FieldChange> changes = Input.changes(CompanyKind.KIND, fields, values);
        if (!changes.isEmpty()) {
            apply(new CompanyChanged(companyId, changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferCompany cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        require(actor, Action.CHANGE, users, "error.company.change-forbidden");
        Versions.require(cmd.expectedVersion());
        String to = Input.clean(cmd.owner());
        if (to == null) {
            throw new Rejected.Invalid(ObjectFields.OWNER.name(), "validation.required");
        }
        if (!users.isActiveUser(to)) {
            throw new Rejected.Invalid(ObjectFields.OWNER.name(), "validation.unknown-user", to);
        }
        if (!to.equals(owner)) {
            apply(new CompanyOwnerChanged(companyId, owner, to));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteCompany cmd, MetaData metaData, UserDirectory users) {
        Actor actor = Actor.fromMetaData(metaData);
        require(actor, Action.DELETE, users, "error.company.delete-forbidden");
        Versions.require(cmd.expectedVersion());
        apply(new CompanyDeleted(companyId));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreCompany cmd, MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), deleted);
        apply(new CompanyRestored(companyId));
        return Versions.current();
    }

    /** 404 unless the actor may see the live company; 403 when they may see it but not do this. */
    private void require(Actor actor, Action action, UserDirectory users, String refusal) {
        if (owner == null || deleted
                || !Permissions.reaches(actor, CompanyKind.NAME, Action.VIEW, owner, department,
                        () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.NotFound(companyId);
        }
        if (!Permissions.reaches(actor, CompanyKind.NAME, action, owner, department,
                () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.Forbidden(refusal);
        }
    }

    @EventSourcingHandler
    void on(CompanyCreated e) {
        companyId = e.companyId();
        fields.putAll(e.fields());
        owner = e.owner();
        department = e.department();
    }

    @EventSourcingHandler
    void on(CompanyChanged e) {
        for (FieldChange c : e.changes()) {
            fields.put(c.field(), c.to());
        }
    }

    @EventSourcingHandler
    void on(CompanyOwnerChanged e) {
        owner = e.to();
    }

    @EventSourcingHandler
    void on(CompanyDeleted e) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(CompanyRestored e) {
        deleted = false;
    }
}
