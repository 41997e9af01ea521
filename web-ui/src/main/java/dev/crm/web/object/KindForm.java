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
            if (field.type() == FieldType.FLAG) {
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
                case TAGS -> Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                case REFERENCE -> value.isBlank() ? null : value;
                default -> value;
            });
        });
        return fields;
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
