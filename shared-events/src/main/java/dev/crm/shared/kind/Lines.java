package dev.crm.shared.kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical text of a field of several objects in the events ({@link FieldType#REFERENCES}: {@code "12,14"};
 * {@link FieldType#LINES}: {@code "12:3,14:1"}): ordered by ID, an ID at most once, no line no value (null). Two
 * values are the same exactly when their texts are equal, so a change is recorded only when the objects or the
 * quantities change, and history prints the lines from it ({@link #decode}).
 */
public final class Lines {

    /** One line: an object by ID and its quantity (1 for a {@link FieldType#REFERENCES} field). */
    public record Line(long id, int quantity) {
    }

    private Lines() {
    }

    /**
     * The canonical text of lines that are valid (positive IDs and quantities, each ID once): sorted by ID; for a
     * {@link FieldType#REFERENCES} field the IDs alone. None: null.
     */
    public static String encode(FieldType type, List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        return lines.stream().sorted(Comparator.comparingLong(Line::id))
                .map(l -> type == FieldType.LINES ? l.id() + ":" + l.quantity() : Long.toString(l.id()))
                .collect(Collectors.joining(","));
    }

    /** The lines of a canonical text ({@link #encode}); an ID without a quantity has 1. Null or blank: none. */
    public static List<Line> decode(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            lines.add(colon < 0 ? new Line(Long.parseLong(part.strip()), 1)
                    : new Line(Long.parseLong(part.substring(0, colon).strip()),
                    Integer.parseInt(part.substring(colon + 1).strip())));
        }
        return lines;
    }
}
