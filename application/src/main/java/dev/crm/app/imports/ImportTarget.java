package dev.crm.app.imports;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import java.util.List;
import java.util.Map;

/**
 * A kind whose objects can be imported from a file: one small adapter in the kind's own package. The import
 * reads the file, maps its columns to {@link #fields()}, and asks the adapter what only the kind knows: which
 * rows repeat an object already there, and how one row becomes an object (through the kind's own create, so a
 * refused row says exactly what a create would).
 */
public interface ImportTarget {

    Kind kind();

    /** The fields a column can fill, in the order the preview shows them. */
    default List<Field> fields() {
        return kind().fields();
    }

    /**
     * What makes two rows of one file the same object, lower-cased and prefixed by what they compare
     * ({@code email:a@b.c}); a row shares a key with an earlier row is a duplicate of it.
     */
    List<String> keys(Map<String, String> row);

    /** Whether the actor already sees an object that this row would repeat. */
    boolean exists(Actor actor, Map<String, String> row);

    /**
     * Creates the row's object; a refused row throws the kind's {@code Rejected.Invalid} naming its fields.
     * {@code row}: the row's non-empty cells by field name.
     */
    void create(Actor actor, Map<String, String> row);
}
