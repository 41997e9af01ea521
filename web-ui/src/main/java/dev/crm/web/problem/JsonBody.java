package dev.crm.web.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crm.command.Rejected;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A JSON request body read strictly: it must be an object; every field must be one the endpoint
 * takes (a read-only field is named as such); each value must have the field's JSON type. All problems
 * are reported together, before anything is sent.
 */
public final class JsonBody {

    private final ObjectNode node;
    private final List<Rejected.FieldError> errors = new ArrayList<>();

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody of(JsonNode body, Set<String> writable, Set<String> readOnly) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!(body instanceof ObjectNode object)) {
            throw BadRequest.of("", "validation.json-object");
        }
        JsonBody result = new JsonBody(object);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (readOnly.contains(name)) {
                result.errors.add(new Rejected.FieldError(name, "validation.read-only", new Object[0]));
            } else if (!writable.contains(name)) {
                result.errors.add(new Rejected.FieldError(name, "validation.unknown-field", new Object[0]));
            }
        }
        return result;
    }

    /** The fields a record of the API's input takes: its components' names (the description's schema is the record). */
    public static Set<String> fieldsOf(Class<? extends Record> input) {
        // a component marked @JsonUnwrapped stands for its own record's fields, as in the description
        return java.util.Arrays.stream(input.getRecordComponents())
                .flatMap(c -> c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)
                        && c.getType().isRecord()
                        ? fieldsOf(c.getType().asSubclass(Record.class)).stream() : java.util.stream.Stream.of(jsonName(c)))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A component's JSON name: its {@code @JsonProperty} (a Java keyword such as {@code default}), else its own. */
    private static String jsonName(java.lang.reflect.RecordComponent c) {
        com.fasterxml.jackson.annotation.JsonProperty named =
                c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (named == null) {
            named = c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        }
        return named == null || named.value().isEmpty() ? c.getName() : named.value();
    }

    /** A decimal number (a rate), or null when absent or JSON null. */
    public java.math.BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(new Rejected.FieldError(field, "validation.type.number", new Object[0]));
            return null;
        }
        try {
            // a double's shortest text is the number as written, for the digits a rate has
            return value.isFloatingPointNumber() && !value.isBigDecimal() ? new java.math.BigDecimal(value.asText())
                    : value.decimalValue();
        } catch (NumberFormatException e) {
            // beyond a double (1e400 reads as infinity)
            errors.add(new Rejected.FieldError(field, "validation.type.number", new Object[0]));
            return null;
        }
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** The text, or null when absent or JSON null. */
    public String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Rejected.FieldError(field, "validation.type.string", new Object[0]));
            return null;
        }
        return value.asText();
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new Rejected.FieldError(field, "validation.type.boolean", new Object[0]));
            return null;
        }
        return value.booleanValue();
    }

    /** A whole number (an object ID), or null when absent or JSON null. */
    public Long number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(new Rejected.FieldError(field, "validation.type.id", new Object[0]));
            return null;
        }
        return value.longValue();
    }

    public List<String> textList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (!value.isArray()) {
            errors.add(new Rejected.FieldError(field, "validation.type.string-list", new Object[0]));
            return null;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                errors.add(new Rejected.FieldError(field, "validation.type.string-list", new Object[0]));
                return null;
            }
            items.add(item.asText());
        }
        return items;
    }

    /** A list of object IDs (whole numbers); JSON null is an empty list, absent is null. */
    public List<Long> idList(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        if (value.isNull()) {
            return ids;
        }
        if (!value.isArray()) {
            errors.add(new Rejected.FieldError(field, "validation.type.id-list", new Object[0]));
            return null;
        }
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                errors.add(new Rejected.FieldError(field, "validation.type.id-list", new Object[0]));
                return null;
            }
            ids.add(item.longValue());
        }
        return ids;
    }

    /**
     * Lines: a list of objects {@code {<key>: id, quantity: n}}, the ID and quantity whole numbers (a quantity not given:
     * 1), nothing else in them; JSON null is an empty list, absent is null.
     */
    public List<java.util.Map<String, Object>> lines(String field, String key) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        List<java.util.Map<String, Object>> lines = new ArrayList<>();
        if (value.isNull()) {
            return lines;
        }
        if (!value.isArray()) {
            errors.add(new Rejected.FieldError(field, "validation.type.lines", new Object[] {key}));
            return null;
        }
        for (JsonNode item : value) {
            JsonNode id = item.get(key);
            JsonNode quantity = item.get("quantity");
            java.util.Set<String> names = new java.util.HashSet<>();
            item.fieldNames().forEachRemaining(names::add);
            names.remove(key);
            names.remove("quantity");
            if (!item.isObject() || !names.isEmpty() || id == null || !id.isIntegralNumber() || !id.canConvertToLong()
                    || (quantity != null && !quantity.isNull() && !quantity.isIntegralNumber())) {
                errors.add(new Rejected.FieldError(field, "validation.type.lines", new Object[] {key}));
                return null;
            }
            java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put(key, id.longValue());
            line.put("quantity", quantity == null || quantity.isNull() ? 1 : quantity.numberValue());
            lines.add(line);
        }
        return lines;
    }

    public void addError(String field, String code, Object... args) {
        errors.add(new Rejected.FieldError(field, code, args));
    }

    /** Throws the collected errors, if any; call after reading every field. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new BadRequest(errors);
        }
    }

    /**
     * The kind's own fields the body names, by name, as its commands take them: a text, or a list of texts for tags;
     * JSON null is kept (a change clears the field with it); a reference ({@code FieldType#REFERENCE}) as the other
     * object's ID, a number; a number ({@code NUMBER}) as a JSON number, a decimal; a flag ({@code FLAG}) as a JSON
     * boolean, strictly (not "true", not 1); a choice or a date as a text; several objects ({@code REFERENCES}) as a
     * list of IDs, lines ({@code LINES}) as a list of maps {@code {<kind>: id, quantity: n}} (JSON null: none).
     */
    public java.util.Map<String, Object> fields(dev.crm.shared.kind.Kind kind) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (dev.crm.shared.kind.Field field : kind.fields()) {
            if (!node.has(field.name())) {
                continue;
            }
            values.put(field.name(), switch (field.type()) {
                case TAGS, EMAILS -> textList(field.name());
                case REFERENCE -> number(field.name());
                case NUMBER -> decimal(field.name());
                case FLAG -> bool(field.name());
                case REFERENCES -> idList(field.name());
                case LINES -> lines(field.name(), field.refers().name());
                default -> text(field.name());
            });
        }
        return values;
    }
}
