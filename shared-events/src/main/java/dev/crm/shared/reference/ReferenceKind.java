package dev.crm.shared.reference;

import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.kind.ObjectFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * The kinds of reference data that administrators keep ({@code domain.md}, "Reference data"): each is a {@link Kind}
 * of its own (name, path, fields, history, restore), and all share one shape, declared here once: fields with a
 * {@link Rule} each, the {@link Mark}s that at most (or exactly) one object of a group carries, and the kind's own
 * event types. One aggregate, one projection, one service and one set of pages serve them all; a fifth kind of
 * this shape is one more constant here, its four event records, its JSON records and its texts.
 */
public enum ReferenceKind {

    STAGE(Kind.named("stage", "stages").fields(Fields.NAME, Fields.DEPARTMENT, Fields.INDEX, Fields.DEFAULT, Fields.SUCCESS)
            .listedAt("/admin/stages").build(),
            List.of(rule(Fields.NAME, Rule.NAME), rule(Fields.DEPARTMENT, Rule.DEPARTMENT), rule(Fields.INDEX, Rule.INDEX),
                    rule(Fields.DEFAULT, Rule.FLAG), rule(Fields.SUCCESS, Rule.FLAG)),
            List.of(new Mark(Fields.DEFAULT, true, Fields.DEPARTMENT), new Mark(Fields.SUCCESS, false, Fields.DEPARTMENT)),
            StageCreated::new, StageChanged::new, StageDeleted::new, StageRestored::new),

    CLOSING_REASON(Kind.named("closing_reason", "closing-reasons").fields(Fields.NAME, Fields.INDEX, Fields.SUCCESS)
            .listedAt("/admin/closing-reasons").build(),
            List.of(rule(Fields.NAME, Rule.NAME), rule(Fields.INDEX, Rule.INDEX), rule(Fields.SUCCESS, Rule.FLAG)),
            List.of(),
            ClosingReasonCreated::new, ClosingReasonChanged::new, ClosingReasonDeleted::new, ClosingReasonRestored::new),

    LEAD_SOURCE(Kind.named("lead_source", "lead-sources").fields(Fields.NAME, Fields.DEPARTMENT)
            .listedAt("/admin/lead-sources").build(),
            List.of(rule(Fields.NAME, Rule.NAME), rule(Fields.DEPARTMENT, Rule.OPTIONAL_DEPARTMENT)),
            List.of(),
            LeadSourceCreated::new, LeadSourceChanged::new, LeadSourceDeleted::new, LeadSourceRestored::new),

    CURRENCY(Kind.named("currency", "currencies").fields(Fields.CODE, Fields.RATE_TO_STATE, Fields.RATE_TO_MARKETING,
                    Fields.STATE, Fields.MARKETING).listedAt("/admin/currencies").build(),
            List.of(rule(Fields.CODE, Rule.CODE), rule(Fields.RATE_TO_STATE, Rule.RATE), rule(Fields.RATE_TO_MARKETING, Rule.RATE),
                    rule(Fields.STATE, Rule.FLAG), rule(Fields.MARKETING, Rule.FLAG)),
            List.of(new Mark(Fields.STATE, true, null), new Mark(Fields.MARKETING, true, null)),
            CurrencyCreated::new, CurrencyChanged::new, CurrencyDeleted::new, CurrencyRestored::new);

    /** The fields the reference kinds are made of. */
    public static final class Fields {
        public static final Field NAME = Field.of("name", FieldType.NAME).max(Limits.SHORT_NAME).labelled("field.reference.name");
        public static final Field DEPARTMENT = ObjectFields.DEPARTMENT;
        public static final Field INDEX = Field.of("index", FieldType.NUMBER).labelled("field.reference.index");
        public static final Field DEFAULT = Field.of("default", FieldType.FLAG).labelled("field.reference.default");
        public static final Field SUCCESS = Field.of("success", FieldType.FLAG).labelled("field.reference.success");
        public static final Field CODE = Field.of("code", FieldType.NAME).max(3).labelled("field.reference.code");
        public static final Field RATE_TO_STATE = Field.of("rateToState", FieldType.NUMBER).labelled("field.reference.rateToState");
        public static final Field RATE_TO_MARKETING = Field.of("rateToMarketing", FieldType.NUMBER).labelled("field.reference.rateToMarketing");
        public static final Field STATE = Field.of("state", FieldType.FLAG).labelled("field.reference.state");
        public static final Field MARKETING = Field.of("marketing", FieldType.FLAG).labelled("field.reference.marketing");

        private Fields() {
        }
    }

    /** How a field's value is checked, and what it is when a create does not give it. */
    public enum Rule {
        /** A required one-line name. */
        NAME(null),
        /** A department's ID, to be given on create: null (given as such) is every department without its own. */
        DEPARTMENT(null),
        /** A department's ID, or none. */
        OPTIONAL_DEPARTMENT(null),
        /** A whole number from 0, the object's place in its list. */
        INDEX("0"),
        /** {@code true} or {@code false}. */
        FLAG("false"),
        /** An ISO 4217 code: three capital letters, unique among the kind's live objects. */
        CODE(null),
        /** A decimal number above 0, kept exactly as given. */
        RATE("1");

        private final String absent;

        Rule(String absent) {
            this.absent = absent;
        }

        /** The value a create takes when the field is not given (null: none, or required). */
        public String absent() {
            return absent;
        }
    }

    /** A field with its rule. */
    public record RuleOf(Field field, Rule rule) {
    }

    /**
     * A flag that at most one live object of a group carries ({@code required}: exactly one, once the group has
     * objects); {@code group} is the field whose value makes the group (null: the whole kind). Setting it on one
     * object takes it from the other, which gets a history entry of its own.
     */
    public record Mark(Field field, boolean required, Field group) {
    }

    private final Kind kind;
    private final List<RuleOf> rules;
    private final List<Mark> marks;
    private final BiFunction<Long, Map<String, String>, ReferenceEvent.Created> created;
    private final Changed changed;
    private final LongFunction<ReferenceEvent.Deleted> deleted;
    private final LongFunction<ReferenceEvent.Restored> restored;

    /** Makes a kind's change event. */
    @FunctionalInterface
    private interface Changed {
        ReferenceEvent.Changed of(long id, Map<String, String> from, Map<String, String> to);
    }

    ReferenceKind(Kind kind, List<RuleOf> rules, List<Mark> marks,
                  BiFunction<Long, Map<String, String>, ReferenceEvent.Created> created, Changed changed,
                  LongFunction<ReferenceEvent.Deleted> deleted, LongFunction<ReferenceEvent.Restored> restored) {
        this.kind = kind;
        this.rules = rules;
        this.marks = marks;
        this.created = created;
        this.changed = changed;
        this.deleted = deleted;
        this.restored = restored;
    }

    private static RuleOf rule(Field field, Rule rule) {
        return new RuleOf(field, rule);
    }

    public Kind kind() {
        return kind;
    }

    public List<RuleOf> rules() {
        return rules;
    }

    public List<Mark> marks() {
        return marks;
    }

    /** The field that names an object of the kind in lists, history and pickers (its name, or a currency's code). */
    public Field titleField() {
        return rules.get(0).field();
    }

    public ReferenceEvent.Created created(long id, Map<String, String> values) {
        return created.apply(id, values);
    }

    public ReferenceEvent.Changed changed(long id, Map<String, String> from, Map<String, String> to) {
        return changed.of(id, from, to);
    }

    public ReferenceEvent.Deleted deleted(long id) {
        return deleted.apply(id);
    }

    public ReferenceEvent.Restored restored(long id) {
        return restored.apply(id);
    }

    /** The reference kind of that name ({@code Kind.name()}), if it is one. */
    public static Optional<ReferenceKind> named(String name) {
        for (ReferenceKind k : values()) {
            if (k.kind.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind an event of reference data belongs to: its type's name starts with the kind's ({@code StageChanged}). */
    public static ReferenceKind of(ReferenceEvent event) {
        String type = event.getClass().getSimpleName();
        for (ReferenceKind k : values()) {
            if (type.startsWith(k.typePrefix()) && type.length() > k.typePrefix().length()
                    && Character.isUpperCase(type.charAt(k.typePrefix().length()))) {
                return k;
            }
        }
        throw new IllegalArgumentException("not reference data: " + type);
    }

    /** The start of its event types' names: {@code closing_reason} → {@code ClosingReason}. */
    public String typePrefix() {
        StringBuilder out = new StringBuilder();
        for (String word : kind.name().split("_")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
