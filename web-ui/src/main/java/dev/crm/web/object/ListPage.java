package dev.crm.web.object;

import dev.crm.shared.kind.Field;
import java.util.List;

/**
 * How a kind's list page ({@code object/list}) shows it: its columns, and its family, the name its ids, classes,
 * stage texts and cell fragments ({@code fragments/<family>}) start with (a kind's own name, or the name of the
 * kind whose pages it shares).
 */
public record ListPage(String family, List<Column> columns) {

    public ListPage {
        columns = List.copyOf(columns);
    }

    /**
     * One column: a field (its label, unless another is given), shown by its type, or by the family's cell
     * fragment of that name.
     */
    public record Column(String name, String label, String type, String cell) {

        /** The field as its type shows it, under its own label. */
        public static Column of(Field field) {
            return new Column(field.name(), field.label(), field.type().name(), null);
        }

        /** The same column under another label. */
        public Column labelled(String key) {
            return new Column(name, key, type, cell);
        }

        /** The same column, shown by the family's own cell fragment. */
        public Column shownBy(String fragment) {
            return new Column(name, label, type, fragment);
        }
    }
}
