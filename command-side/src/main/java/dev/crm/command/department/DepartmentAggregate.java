package dev.crm.command.department;

import dev.crm.shared.department.DepartmentKind;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.DepartmentDirectory;
import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.department.DepartmentCommands.CreateDepartment;
import dev.crm.command.department.DepartmentCommands.RenameDepartment;
import dev.crm.command.department.DepartmentCommands.SetDepartmentHead;
import dev.crm.command.department.DepartmentCommands.SetDepartmentTimeZone;
import dev.crm.command.Zones;
import dev.crm.shared.department.DepartmentTimeZoneChanged;
import dev.crm.shared.Actor;
import dev.crm.shared.department.DepartmentCreated;
import dev.crm.shared.department.DepartmentHeadChanged;
import dev.crm.shared.department.DepartmentRenamed;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A department: an object of its own (ID, history) that administrators create and rename. Users belong
 * to departments. Names are unique regardless of case; the read model's unique key backs this check up
 * against two administrators racing for the same name.
 */
@Aggregate
public class DepartmentAggregate {

    static final int NAME_MAX = DepartmentKind.DEPARTMENT_NAME.max();

    /** Boxed: Axon reads the identifier while the first event is applied. */
    @AggregateIdentifier
    private Long departmentId;
    private String name;
    private String head;
    private String timeZone;

    protected DepartmentAggregate() {
        // for Axon
    }

    @CommandHandler
    public DepartmentAggregate(CreateDepartment cmd, MetaData metaData, DepartmentDirectory departments) {
        requireAdmin(metaData);
        String newName = checkedName(cmd.name());
        requireUnique(newName, cmd.departmentId(), departments);
        apply(new DepartmentCreated(cmd.departmentId(), newName));
    }

    @CommandHandler
    public long handle(RenameDepartment cmd, MetaData metaData, DepartmentDirectory departments) {
        requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        String newName = checkedName(cmd.name());
        if (!newName.equals(name)) {
            requireUnique(newName, departmentId, departments);
            apply(new DepartmentRenamed(departmentId, name, newName));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(SetDepartmentHead cmd, MetaData metaData, UserDirectory users) {
        requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        String newHead = cmd.head() == null || cmd.head().isBlank() ? null : cmd.head().strip();
        if (newHead != null && !(users.isActiveUser(newHead) && users.departmentsOf(newHead).contains(departmentId))) {
            throw new Rejected.Invalid("head", "validation.department.head-not-member", newHead);
        }
        if (!java.util.Objects.equals(newHead, head)) {
            apply(new DepartmentHeadChanged(departmentId, head, newHead));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(SetDepartmentTimeZone cmd, MetaData metaData) {
        requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        String newZone = cmd.timeZone() == null || cmd.timeZone().isBlank() ? null : cmd.timeZone().strip();
        if (newZone != null && !Zones.isZone(newZone)) {
            throw new Rejected.Invalid("timeZone", "validation.time-zone", newZone);
        }
        if (!java.util.Objects.equals(newZone, timeZone)) {
            apply(new DepartmentTimeZoneChanged(departmentId, timeZone, newZone));
        }
        return Versions.current();
    }

    private static void requireAdmin(MetaData metaData) {
        if (!Actor.fromMetaData(metaData).isAdmin()) {
            throw new Rejected.Forbidden("error.department.admin-only");
        }
    }

    static String checkedName(String raw) {
        String clean = raw == null ? "" : raw.strip();
        List<Rejected.FieldError> errors = new ArrayList<>();
        FieldRules.name("name", clean, NAME_MAX, errors);
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        return clean;
    }

    private static void requireUnique(String name, long self, DepartmentDirectory departments) {
        departments.findByName(name).filter(other -> other != self).ifPresent(other -> {
            throw new Rejected.WrongState("error.department.exists", name);
        });
    }

    @EventSourcingHandler
    void on(DepartmentCreated e) {
        departmentId = e.departmentId();
        name = e.name();
    }

    @EventSourcingHandler
    void on(DepartmentRenamed e) {
        name = e.to();
    }

    @EventSourcingHandler
    void on(DepartmentHeadChanged e) {
        head = e.to();
    }

    @EventSourcingHandler
    void on(DepartmentTimeZoneChanged e) {
        timeZone = e.to();
    }
}
