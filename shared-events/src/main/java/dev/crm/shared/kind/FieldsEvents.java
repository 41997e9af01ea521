package dev.crm.shared.kind;

import dev.crm.shared.FieldChange;
import dev.crm.shared.ObjectEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes every event of a kind of fields by name ({@link Kind#byName()}) takes: each kind declares its own
 * records ({@code CompanyCreated}, …: the stored contract, with the kind's own names), implementing these, and the
 * shared aggregate base, projection and history handle them through these shapes alone.
 */
public final class FieldsEvents {

    private FieldsEvents() {
    }

    /** Its kind: the declaration its fields are checked, projected and shown by. */
    public interface OfKind extends ObjectEvent {
        Kind kind();
    }

    /** An object was added: its own fields' values by name, its owner and department. */
    public interface Created extends OfKind {

        /** Its own fields but its holder (which a kind may carry as a component of its own). */
        Map<String, String> fields();

        String owner();

        Long department();

        /** Every own field's value by name, its holder's ID (as text) included. */
        default Map<String, String> values() {
            return fields();
        }

        /** Its title ({@link Kind#title}). */
        default String title() {
            return kind().title(values());
        }

        @Override
        default List<FieldChange> changes() {
            List<FieldChange> changes = new ArrayList<>(kind().set(values()));
            changes.add(ObjectFields.OWNER.set(owner()));
            if (department() != null) {
                changes.add(ObjectFields.DEPARTMENT.set(department()));
            }
            return changes;
        }
    }

    /** Own fields were edited, each from its old to its new value ({@code changes}, a component). */
    public interface Changed extends OfKind {
    }

    /** The object got another owner. */
    public interface Transferred extends OfKind {
        String from();

        String to();

        @Override
        default List<FieldChange> changes() {
            return List.of(ObjectFields.OWNER.change(from(), to()));
        }
    }

    /**
     * A held object ({@link Kind#holder()}: a contact) moved to another holder, and so took that holder's owner and
     * department: its holder, owner and department, each from its old to its new value.
     */
    public interface Moved extends OfKind {

        /** The holder it left. */
        long from();

        /** The holder it moved to. */
        long to();

        String fromOwner();

        String toOwner();

        Long fromDepartment();

        Long toDepartment();

        @Override
        default List<FieldChange> changes() {
            List<FieldChange> changes = new ArrayList<>();
            changes.add(kind().holder().orElseThrow().change(from(), to()));
            if (!fromOwner().equals(toOwner())) {
                changes.add(ObjectFields.OWNER.change(fromOwner(), toOwner()));
            }
            if (!java.util.Objects.equals(fromDepartment(), toDepartment())) {
                changes.add(ObjectFields.DEPARTMENT.change(fromDepartment(), toDepartment()));
            }
            return changes;
        }
    }

    public interface Deleted extends OfKind {
        @Override
        default List<FieldChange> changes() {
            return List.of(ObjectFields.DELETED.change(false, true));
        }
    }

    public interface Restored extends OfKind {
        @Override
        default List<FieldChange> changes() {
            return List.of(ObjectFields.DELETED.change(true, false));
        }
    }

    /** The values given, without those that have none, in their order: what a {@code Created} event stores. */
    public static Map<String, String> present(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
