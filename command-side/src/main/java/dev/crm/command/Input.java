package dev.crm.command;

import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.kind.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The input policy of every kind, by field declaration: a field's type and limit ({@link Field}) decide which of
 * {@link FieldRules} apply, so the aggregates of memos, tasks and every kind added later check the same field
 * types the same way, and name the field the way the kind declares it.
 */
public final class Input {

    private Input() {
    }

    /** Stripped; blank is no value. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The rules of the field's type for one value written as text (names, texts, dates, choices, numbers, flags); other
     * types have rules of their own here.
     */
    /** The longest username (the users' read model's column). */
    private static final int USERNAME = 40;

    public static void check(Field field, String value, List<Rejected.FieldError> errors) {
        switch (field.type()) {
            case NAME -> FieldRules.name(field.name(), value, field.max(), errors);
            case TEXT -> FieldRules.text(field.name(), value, field.max(), errors);
            case DATE -> FieldRules.date(field.name(), value, errors);
            case CHOICE -> FieldRules.oneOf(field.name(), value, field.choices(), errors);
            case NUMBER -> FieldRules.decimal(field.name(), value, field.decimals(), field.min(), largest(field), errors);
            case FLAG -> FieldRules.flag(field.name(), value, errors);
            case LINE -> FieldRules.line(field.name(), value, field.max(), errors);
            case EMAIL -> FieldRules.email(field.name(), value, field.max(), errors);
            case PHONE -> FieldRules.phone(field.name(), value, field.max(), errors);
            case URL -> FieldRules.url(field.name(), value, field.max(), errors);
            // a username (whether it is an active user's is the aggregate's rule, with its directory)
            case USER -> FieldRules.line(field.name(), value, USERNAME, errors);
            // a moment set by the system (a deal's closing date): never given
            case TIME -> {
                if (value != null) {
                    errors.add(error(field, "validation.read-only"));
                }
            }
            default -> throw new IllegalArgumentException("no single-value rule for " + field);
        }
    }

    /**
     * Own fields of a kind given by name, for kinds whose events carry their fields by name: each value (a text, or
     * a list of texts for {@link FieldType#TAGS} and {@link FieldType#EMAILS}) cleaned and checked by its field's declaration, answered as the
     * events store it (tags joined by ", "; no value: null). A name the kind does not declare is a programming
     * error. {@code creating}: a required field ({@link FieldType#NAME}) that is not given is checked as empty, and a
     * field with an initial value ({@link Field#initial()}) that is not given takes it. A number ({@link
     * FieldType#NUMBER}) may be given as a number or as its text, a flag as a boolean or {@code "true"}/{@code
     * "false"}; they are stored as their plain text ({@code "12.5"}, {@code "true"}). A field with an initial value
     * always has one: null or blank is refused as missing.
     */
    public static Map<String, String> fields(Kind kind, Map<String, ?> given, boolean creating,
                                             List<Rejected.FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            if (!given.containsKey(field.name())) {
                if (creating && field.initial() != null) {
                    out.put(field.name(), field.initial());
                } else if (creating && field.type() == FieldType.NAME) {
                    check(field, null, errors);
                }
                continue;
            }
            Object value = given.get(field.name());
            if (field.type() == FieldType.TAGS) {
                List<String> tags = value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
                List<String> clean = tags(field, tags, errors);
                out.put(field.name(), clean.isEmpty() ? null : String.join(", ", clean));
            } else if (field.type() == FieldType.EMAILS) {
                List<String> addresses = value == null ? List.of()
                        : value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value).split(","));
                List<String> clean = FieldRules.emails(field.name(), addresses, field.max(), errors);
                out.put(field.name(), clean.isEmpty() ? null : String.join(", ", clean));
            } else if (field.type().listsObjects()) {
                // the objects' IDs (and quantities); whether they exist and may be seen is checked by listed(…)
                out.put(field.name(), lines(field, value, errors));
            } else if (field.type() == FieldType.REFERENCE) {
                // the other object's ID; whether it exists and may be used is the aggregate's rule
                Long reference = reference(value);
                if (value != null && reference == null) {
                    errors.add(error(field, "validation.reference"));
                }
                out.put(field.name(), reference == null ? null : reference.toString());
            } else {
                int before = errors.size();
                String clean = clean(value instanceof java.math.BigDecimal number ? number.toPlainString()
                        : value == null ? null : String.valueOf(value));
                if (field.type() == FieldType.NUMBER) {
                    clean = FieldRules.decimal(field.name(), clean, field.decimals(), field.min(), largest(field), errors);
                } else if (field.type() == FieldType.FLAG) {
                    clean = FieldRules.flag(field.name(), clean, errors);
                } else {
                    check(field, clean, errors);
                }
                if (clean == null && field.initial() != null && errors.size() == before) {
                    errors.add(error(field, "validation.required"));
                }
                out.put(field.name(), clean);
            }
        }
        for (String name : given.keySet()) {
            if (kind.ownField(name).isEmpty()) {
                throw new IllegalArgumentException(kind.name() + " has no field " + name);
            }
        }
        return out;
    }

    /**
     * A field of several objects ({@link FieldType#REFERENCES}, {@link FieldType#LINES}) as the events carry it
     * ({@link Lines#encode}). Given as a list: of IDs (numbers or their text) for references; of maps {@code {<kind>:
     * id, quantity: n}} for lines ({@code <kind>} the name of {@link Field#refers()}), the quantity a whole number from
     * 1 to {@link Limits#QUANTITY} (1 when not given); or as the text {@code "12:3,14"} (a form, a file). References
     * given twice count once; a product on two lines is refused ({@code validation.lines.duplicate}: the user says
     * which quantity is meant), and so are more than {@link Field#max()} of them.
     */
    static String lines(Field field, Object value, List<Rejected.FieldError> errors) {
        if (value == null) {
            return null;
        }
        List<?> items = value instanceof List<?> list ? list
                : value instanceof String text ? (text.isBlank() ? List.of() : List.of(text.split(",")))
                : null;
        if (items == null) {
            errors.add(error(field, "validation.reference"));
            return null;
        }
        String key = field.refers().name();
        Map<Long, Lines.Line> lines = new LinkedHashMap<>();
        for (Object item : items) {
            Object id = item;
            Object quantity = null;
            if (item instanceof Map<?, ?> map) {
                id = map.get(key);
                quantity = map.get("quantity");
            } else if (item instanceof String text && text.contains(":")) {
                id = text.substring(0, text.indexOf(':'));
                quantity = text.substring(text.indexOf(':') + 1);
            }
            Long reference = id == null ? null : reference(id);
            if (reference == null) {
                errors.add(error(field, "validation.reference"));
                return null;
            }
            Integer count = quantity == null ? Integer.valueOf(1) : quantity(quantity);
            if (field.type() == FieldType.LINES && count == null) {
                errors.add(error(field, "validation.lines.quantity", Limits.QUANTITY));
                return null;
            }
            if (lines.containsKey(reference) && field.type() == FieldType.LINES) {
                errors.add(error(field, "validation.lines.duplicate", reference));
                return null;
            }
            lines.put(reference, new Lines.Line(reference, field.type() == FieldType.LINES ? count : 1));
        }
        if (lines.size() > field.max()) {
            errors.add(error(field, "validation.lines.too-many", field.max()));
            return null;
        }
        return Lines.encode(field.type(), List.copyOf(lines.values()));
    }

    /** A line's quantity: a whole number from 1 to {@link Limits#QUANTITY} (a number or its text), or null. */
    private static Integer quantity(Object value) {
        try {
            java.math.BigDecimal number = value instanceof Number n ? new java.math.BigDecimal(n.toString())
                    : new java.math.BigDecimal(String.valueOf(value).strip());
            if (number.signum() <= 0 || number.compareTo(java.math.BigDecimal.valueOf(Limits.QUANTITY)) > 0
                    || number.stripTrailingZeros().scale() > 0) {
                return null;
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * The rule of every field that names other objects of a kind of fields by name: a reference named after that kind
     * (a request's {@code contact}, a deal's {@code company}; not a holder, which its kind checks with the holder's
     * owner and department) and a field of several objects ({@link FieldType#listsObjects()}, a deal's products). Each
     * object it names that it did not name {@code before} exists and the actor may see it; one that does not, or that
     * the actor may not see, is the same error ({@code validation.unknown-object}, naming the field and the ID).
     */
    public static void referenced(Kind kind, Map<String, String> before, Map<String, String> after,
                                  Actor actor, VisibleObjects objects, List<Rejected.FieldError> errors) {
        for (Field field : kind.fields()) {
            Optional<Kind> target = referred(field);
            if (target.isEmpty() || errors.stream().anyMatch(e -> field.is(e.field()))) {
                continue;
            }
            java.util.Set<Long> known = new java.util.HashSet<>();
            Lines.decode(before.get(field.name())).forEach(l -> known.add(l.id()));
            for (Lines.Line line : Lines.decode(after.get(field.name()))) {
                if (!known.contains(line.id()) && !objects.visible(target.get(), line.id(), actor)) {
                    errors.add(error(field, "validation.unknown-object", line.id()));
                    break;
                }
            }
        }
    }

    /** The kind of fields by name whose objects the field names ({@link #referenced}), if it is such a field. */
    private static Optional<Kind> referred(Field field) {
        if (field.type().listsObjects()) {
            return Optional.of(field.refers());
        }
        if (field.type() == FieldType.REFERENCE && field.trait() != Field.Trait.HOLDER) {
            return Kinds.named(field.name()).filter(Kind::byName);
        }
        return Optional.empty();
    }

    /** A number's largest value: its {@code max} (for a number a value, not a length), or none. */
    private static java.math.BigDecimal largest(Field field) {
        return field.max() > 0 ? java.math.BigDecimal.valueOf(field.max()) : null;
    }

    private static Long reference(Object value) {
        if (value instanceof Number number) {
            return number.longValue() > 0 ? number.longValue() : null;
        }
        try {
            long id = Long.parseLong(String.valueOf(value).strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What changes when {@code next} (from {@link #fields}) is applied to {@code current}, in declaration order. */
    public static List<FieldChange> changes(Kind kind, Map<String, String> current, Map<String, String> next) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field field : kind.fields()) {
            if (next.containsKey(field.name()) && !Objects.equals(current.get(field.name()), next.get(field.name()))) {
                changes.add(field.change(current.get(field.name()), next.get(field.name())));
            }
        }
        return changes;
    }

    /** Distinct, stripped usernames, each an active user (looked up only when there are not too many). */
    public static List<String> users(Field field, List<String> names, UserDirectory users,
                                     List<Rejected.FieldError> errors) {
        int before = errors.size();
        List<String> out = FieldRules.usernames(field.name(), names, errors);
        if (errors.size() == before) {
            for (String n : out) {
                if (!users.isActiveUser(n)) {
                    errors.add(error(field, "validation.unknown-user", n));
                }
            }
        }
        return out;
    }

    /** Tags: see {@link FieldRules#tags}. */
    public static List<String> tags(Field field, List<String> tags, List<Rejected.FieldError> errors) {
        return FieldRules.tags(field.name(), tags, errors);
    }

    public static Rejected.FieldError error(Field field, String code, Object... args) {
        return new Rejected.FieldError(field.name(), code, args);
    }

    public static void throwIfAny(List<Rejected.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }
}
