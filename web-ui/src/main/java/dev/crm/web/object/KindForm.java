package dev.crm.web.object;

import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A form of a kind whose pages edit its own fields by name (companies, contacts, products): the values as the form
 * holds them (texts; tags written with commas; a flag "true" or "false", its checkbox not sent being false), read
 * from the request and turned into what the kind's commands take. The form inputs are {@code object/fields :: any},
 * one per field.
 */
public final class KindForm {

    private KindForm() {
    }

    /** The form's values of the kind's own fields, as sent (a reference the form does not send: absent). */
    public static Map<String, String> values(Kind kind, MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            String value = params.getFirst(field.name());
            if (field.type() == FieldType.REFERENCES) {
                // a multiple choice: each chosen ID
                List<String> ids = params.getOrDefault(field.name(), List.of());
                values.put(field.name(), String.join(",", ids.stream().filter(v -> !v.isBlank()).toList()));
            } else if (field.type() == FieldType.LINES) {
                values.put(field.name(), lines(field, params));
            } else if (field.type() == FieldType.FLAG) {
                // a checkbox is sent only when it is checked
                values.put(field.name(), Boolean.toString(value != null && !value.equals("false")));
            } else if (field.type() != FieldType.REFERENCE) {
                values.put(field.name(), value == null ? "" : value);
            } else if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    /** The form's values as the commands take them: every field (blank clears it), tags split at commas. */
    public static Map<String, Object> fields(Kind kind, Map<String, String> values) {
        Map<String, Object> fields = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Field field = kind.ownField(name).orElseThrow();
            fields.put(name, switch (field.type()) {
                case TAGS, EMAILS -> Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                        .toList();
                case REFERENCE, REFERENCES, LINES -> value.isBlank() ? null : value;
                default -> value;
            });
        });
        return fields;
    }

    /**
     * The rows of a lines field ({@link FieldType#LINES}) as sent: {@code <field>.id} and {@code <field>.quantity}
     * once per row, in order; a row without an object is left out (that is how a row is removed without scripts).
     * As text, {@code "12:3,14:1"} (what {@code Input} takes), what was typed kept for the form to show again.
     */
    static String lines(Field field, MultiValueMap<String, String> params) {
        List<String> ids = params.getOrDefault(field.name() + ".id", List.of());
        List<String> quantities = params.getOrDefault(field.name() + ".quantity", List.of());
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).strip();
            String quantity = i < quantities.size() ? quantities.get(i).strip().replace(",", "") : "";
            if (!id.isEmpty()) {
                lines.add(id + ":" + (quantity.isEmpty() ? "1" : quantity));
            }
        }
        return String.join(",", lines);
    }

    /**
     * The rows of a field of several objects as the form shows them, from its text (canonical, or as sent):
     * {@code id} and {@code quantity}, as texts.
     */
    public static List<Map<String, String>> rows(String value) {
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        if (value == null || value.isBlank()) {
            return rows;
        }
        for (String part : value.split(",")) {
            int colon = part.indexOf(':');
            rows.add(Map.of("id", colon < 0 ? part.strip() : part.substring(0, colon).strip(),
                    "quantity", colon < 0 ? "1" : part.substring(colon + 1).strip()));
        }
        return rows;
    }

    /** An object's fields by name as the form shows them (no value: its initial value, or empty). */
    public static Map<String, String> of(Kind kind, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            values.put(field.name(), fields.getOrDefault(field.name(),
                    field.initial() != null ? field.initial() : field.type() == FieldType.FLAG ? "false" : ""));
        }
        return values;
    }

    /** The fields a form shows, in declaration order: all but references. */
    public static List<Field> shown(Kind kind) {
        return kind.fields().stream().filter(f -> f.type() != FieldType.REFERENCE).toList();
    }
}
