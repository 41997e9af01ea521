package dev.crm.command.fields;

import dev.crm.command.Cascades;
import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.Restoring;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What every aggregate of a kind of fields by name ({@link Kind#byName()}) is: its fields by name, owner, department
 * and whether it is deleted, rebuilt from the shapes of {@link FieldsEvents}; its rights the permission matrix alone
 * ({@link Permissions#reaches}); its fields checked by their declarations ({@link Input#fields}). A kind's aggregate
 * extends it with its command handlers, each a few lines over these steps, and its own rules. A deleted object
 * answers every command but its restore as if it did not exist.
 */
public abstract class FieldsAggregate {

    @AggregateIdentifier
    private Long id;
    private final Map<String, String> fields = new HashMap<>();
    private String owner;
    private Long department;
    private boolean deleted;

    protected abstract Kind kind();

    protected long id() {
        return id;
    }

    /** Its own fields' current values by name (its holder's ID as text included). */
    protected Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    protected String owner() {
        return owner;
    }

    protected Long department() {
        return department;
    }

    /**
     * Who has the owner's rights besides the owner ({@link Kind#coOwner}), or null: its co-owner field's value; a
     * kind held by a co-owned kind (a deal's payment) answers its holder's.
     */
    protected String coOwner() {
        return kind().coOwner().map(f -> fields.get(f.name())).orElse(null);
    }

    /**
     * The checked fields of a new object of this kind; {@code rules}: the kind's own rules over the values (and
     * the errors so far), run before any error is thrown. Refuses (403) an actor who may not add such objects.
     */
    protected static Map<String, String> checkedNew(Kind kind, Actor actor, Map<String, Object> given,
                                                    Consumer<Checked> rules) {
        return checkedNew(kind, actor, Action.ADD, given, rules);
    }

    /**
     * The same for a kind whose objects are made only through another object (a deal through a request): the actor
     * needs {@code right} on the kind (a deal: change) instead of add; the other object's rules were checked by
     * whoever sent the command.
     */
    protected static Map<String, String> checkedNew(Kind kind, Actor actor, Action right, Map<String, Object> given,
                                                    Consumer<Checked> rules) {
        if (!Permissions.allows(actor, kind.name(), right)) {
            throw new Rejected.Forbidden("error." + kind.name() + ".add-forbidden");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        Map<String, String> values = Input.fields(kind, given, true, errors);
        rules.accept(new Checked(values, errors));
        Input.throwIfAny(errors);
        return values;
    }

    /** The values of an object as a command would leave them, and the errors found so far: for a kind's own rules. */
    public record Checked(Map<String, String> values, List<Rejected.FieldError> errors) {
    }

    /**
     * The changes a change command makes (none: nothing to apply), after the rights (404/403), the version (409/412)
     * and the fields' rules; {@code rules} sees the values as they would be after the change.
     */
    protected List<FieldChange> checkedChange(MetaData metaData, UserDirectory users, Long expectedVersion,
                                              Map<String, Object> given, Consumer<Checked> rules) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        Versions.require(expectedVersion);
        List<Rejected.FieldError> errors = new ArrayList<>();
        Map<String, String> values = Input.fields(kind(), given, false, errors);
        Map<String, String> after = new HashMap<>(fields);
        after.putAll(values);
        rules.accept(new Checked(after, errors));
        Input.throwIfAny(errors);
        return Input.changes(kind(), fields, values);
    }

    /** The new owner a transfer gives it (null: it has that owner already), after the rights and the version. */
    protected String checkedTransfer(MetaData metaData, UserDirectory users, Long expectedVersion, String to) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        Versions.require(expectedVersion);
        String clean = Input.clean(to);
        if (clean == null) {
            throw new Rejected.Invalid(ObjectFields.OWNER.name(), "validation.required");
        }
        if (!users.isActiveUser(clean)) {
            throw new Rejected.Invalid(ObjectFields.OWNER.name(), "validation.unknown-user", clean);
        }
        return clean.equals(owner) ? null : clean;
    }

    /**
     * Whether the object follows its holder's transfer to {@code to} (sent by the holder's transfer, in its
     * transaction, which checked the right to transfer the holder): false when it has that owner already.
     */
    protected boolean followsHolder(MetaData metaData, long holder, String to) {
        String holderField = kind().holder().orElseThrow().name();
        if (owner == null || deleted || !Long.toString(holder).equals(fields.get(holderField))
                || !Long.toString(holder).equals(String.valueOf(metaData.get(dev.crm.shared.Causes.CAUSED_BY)))) {
            throw new Rejected.NotFound(id);
        }
        return !to.equals(owner);
    }

    /**
     * Checks a command sent by another object's step (a lead's conversion) that checked its own rights: 404 unless
     * the object is live and the command names {@code cause} as its cause ({@link dev.crm.shared.Causes#CAUSED_BY}).
     */
    protected void requireCausedBy(MetaData metaData, long cause) {
        if (owner == null || deleted || !Long.toString(cause).equals(String.valueOf(
                metaData.get(dev.crm.shared.Causes.CAUSED_BY)))) {
            throw new Rejected.NotFound(id);
        }
    }

    /** Checks a delete: the rights and the version, or, as a part of its holder's delete, only that it is live. */
    protected void checkedDelete(MetaData metaData, UserDirectory users, Long expectedVersion) {
        if (Cascades.isPart(metaData) || causedByHolder(metaData)) {
            // or removed by its holder's own command (a deal's unsuccessful close), checked in the same transaction
            // goes with the object it is a part of, whose own delete was checked in the same transaction
            if (owner == null || deleted) {
                throw new Rejected.NotFound(id);
            }
        } else {
            require(Actor.fromMetaData(metaData), Action.DELETE, users);
        }
        Versions.require(expectedVersion);
    }

    /** Whether the command was sent by its holder's own command ({@link dev.crm.shared.Causes#CAUSED_BY}). */
    private boolean causedByHolder(MetaData metaData) {
        Object cause = metaData.get(dev.crm.shared.Causes.CAUSED_BY);
        return cause != null && kind().holder().map(h -> fields.get(h.name()))
                .filter(holder -> holder.equals(String.valueOf(cause))).isPresent();
    }

    /** Checks a restore: an administrator, and a deleted object. */
    protected void checkedRestore(MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), deleted);
    }

    /** 404 unless the actor may see the live object; 403 when they may see it but not do this. */
    protected void require(Actor actor, Action action, UserDirectory users) {
        String coOwner = coOwner();
        if (owner == null || deleted || !Permissions.reaches(actor, kind().name(), Action.VIEW, owner, coOwner,
                department, () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.NotFound(id);
        }
        if (!Permissions.reaches(actor, kind().name(), action, owner, coOwner, department,
                () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.Forbidden("error." + kind().name() + "." + action.name().toLowerCase(java.util.Locale.ROOT)
                    + "-forbidden");
        }
    }

    @EventSourcingHandler
    void on(FieldsEvents.Created e) {
        id = e.objectId();
        fields.putAll(e.values());
        owner = e.owner();
        department = e.department();
    }

    @EventSourcingHandler
    void on(FieldsEvents.Changed e) {
        for (FieldChange c : e.changes()) {
            fields.put(c.field(), c.to());
        }
        changed(e);
    }

    /** After a change's fields are set: a kind keeps what else its own change events carry (an e-mail's attempt). */
    protected void changed(FieldsEvents.Changed e) {
    }

    @EventSourcingHandler
    void on(FieldsEvents.Transferred e) {
        owner = e.to();
    }

    @EventSourcingHandler
    void on(FieldsEvents.Moved e) {
        fields.put(kind().holder().orElseThrow().name(), Long.toString(e.to()));
        owner = e.toOwner();
        department = e.toDepartment();
    }

    @EventSourcingHandler
    void on(FieldsEvents.Deleted e) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(FieldsEvents.Restored e) {
        deleted = false;
    }
}
