package dev.crm.command.fields;

import dev.crm.shared.kind.Kind;
import java.util.Map;

/**
 * How the shared code for kinds of fields by name makes a kind's commands: its command records' constructors, named
 * once in the kind's command class ({@code CompanyCommands.ALL}). {@code follow} and {@code transfer} are null for a
 * kind whose owner is never set on its own or that has no holder.
 */
public record FieldsCommands(Kind kind, Create create, Change change, Transfer transfer, Follow follow, Delete delete,
                             Restore restore) {

    @FunctionalInterface
    public interface Create {
        Object of(long id, Map<String, Object> fields);
    }

    @FunctionalInterface
    public interface Change {
        Object of(long id, Long expectedVersion, Map<String, Object> fields);
    }

    @FunctionalInterface
    public interface Transfer {
        Object of(long id, Long expectedVersion, String owner);
    }

    /** The object follows its holder's transfer: an automatic change. */
    @FunctionalInterface
    public interface Follow {
        Object of(long id, long holder, String owner);
    }

    @FunctionalInterface
    public interface Delete {
        Object of(long id, Long expectedVersion);
    }

    @FunctionalInterface
    public interface Restore {
        Object of(long id);
    }
}
