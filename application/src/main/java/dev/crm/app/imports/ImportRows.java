package dev.crm.app.imports;

import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Small helpers the adapters share. */
public final class ImportRows {

    /** How many rows of a list an adapter reads at most when it looks for a duplicate or a company by name. */
    public static final int MAX_SCANNED = 1_000;

    private ImportRows() {
    }

    /** A row's cells as a kind's create takes them: texts by field name, tags split at commas. */
    public static Map<String, Object> values(Kind kind, Map<String, String> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            String value = row.get(field.name());
            if (value == null) {
                continue;
            }
            out.put(field.name(), (field.type() == FieldType.TAGS || field.type() == FieldType.EMAILS)
                    ? Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList() : value);
        }
        return out;
    }

    /** The same text, ignoring case and the spaces around it. */
    public static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    public static String key(String prefix, String... parts) {
        StringBuilder key = new StringBuilder(prefix).append(':');
        for (String part : parts) {
            key.append(part == null ? "" : part.strip().toLowerCase(Locale.ROOT)).append('|');
        }
        return key.toString();
    }

    /**
     * Whether one of the pages ({@code page -> items}) holds an item that matches, reading at most
     * {@link #MAX_SCANNED} items.
     */
    public static <T> boolean anyOf(Function<Integer, List<T>> pages, int size, java.util.function.Predicate<T> match) {
        return !allOf(pages, size, match, 1).isEmpty();
    }

    /** Up to {@code max} matching items of the pages, reading at most {@link #MAX_SCANNED} items. */
    public static <T> List<T> allOf(Function<Integer, List<T>> pages, int size, java.util.function.Predicate<T> match,
                                    int max) {
        List<T> found = new java.util.ArrayList<>();
        for (int page = 0; page * size < MAX_SCANNED; page++) {
            List<T> items = pages.apply(page);
            for (T item : items) {
                if (match.test(item)) {
                    found.add(item);
                    if (found.size() >= max) {
                        return found;
                    }
                }
            }
            if (items.size() < size) {
                break;
            }
        }
        return found;
    }
}
