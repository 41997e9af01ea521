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
            CurrencyCreated::new, CurrencyChanged::new, CurrencyDeleted::new, CurrencyRestored::new),

    /**
     * An SMTP account the CRM sends through ({@code domain.md}, "E-mail"): read and kept by administrators only (it
     * holds a {@link Rule#SECRET}); at most one account of an owner is their main one.
     */
    MAIL_ACCOUNT(Kind.named("mail_account", "mail-accounts").fields(Fields.NAME, Fields.HOST, Fields.PORT, Fields.SECURITY,
                    Fields.USERNAME, Fields.PASSWORD, Fields.FROM, Fields.OWNER, Fields.MAIN, Fields.MASSMAIL,
                    Fields.DAILY_LIMIT, Fields.INTERVAL_SECONDS).listedAt("/admin/mail-accounts").build(),
            List.of(rule(Fields.NAME, Rule.NAME), rule(Fields.HOST, Rule.HOST), rule(Fields.PORT, Rule.PORT),
                    rule(Fields.SECURITY, Rule.SECURITY), rule(Fields.USERNAME, Rule.OPTIONAL_LINE),
                    rule(Fields.PASSWORD, Rule.SECRET), rule(Fields.FROM, Rule.EMAIL), rule(Fields.OWNER, Rule.USER),
                    rule(Fields.MAIN, Rule.FLAG), rule(Fields.MASSMAIL, Rule.FLAG), rule(Fields.DAILY_LIMIT, Rule.LIMIT),
                    rule(Fields.INTERVAL_SECONDS, Rule.PAUSE)),
            List.of(new Mark(Fields.MAIN, false, Fields.OWNER)),
            MailAccountCreated::new, MailAccountChanged::new, MailAccountDeleted::new, MailAccountRestored::new);

    /**
     * What events, views and pages hold for a {@link Rule#SECRET} that is set: never its value, which only the secret
     * store keeps (encrypted); a change of the secret is a change from this to this.
     */
    public static final String HIDDEN = "(hidden)";

    /** The ways a mail account's connection is secured, as the API names them. */
    public static final List<String> SECURITIES = List.of("none", "starttls", "ssl");

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
        public static final Field HOST = Field.of("host", FieldType.LINE).max(Limits.URL).labelled("field.reference.host");
        public static final Field PORT = Field.of("port", FieldType.NUMBER).labelled("field.reference.port");
        public static final Field SECURITY = Field.of("security", FieldType.LINE).max(20).labelled("field.reference.security");
        public static final Field USERNAME = Field.of("username", FieldType.LINE).max(Limits.EMAIL).labelled("field.reference.username");
        public static final Field PASSWORD = Field.of("password", FieldType.LINE).max(1000).labelled("field.reference.password");
        public static final Field FROM = Field.of("from", FieldType.EMAIL).max(Limits.EMAIL).labelled("field.reference.from");
        public static final Field OWNER = ObjectFields.OWNER;
        public static final Field MAIN = Field.of("main", FieldType.FLAG).labelled("field.reference.main");
        public static final Field MASSMAIL = Field.of("massmail", FieldType.FLAG).labelled("field.reference.massmail");
        public static final Field DAILY_LIMIT = Field.of("dailyLimit", FieldType.NUMBER).labelled("field.reference.dailyLimit");
        public static final Field INTERVAL_SECONDS = Field.of("intervalSeconds", FieldType.NUMBER)
                .labelled("field.reference.intervalSeconds");

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
        RATE("1"),
        /** A required host name (one line, no spaces). */
        HOST(null),
        /** A TCP port, 1 to 65535. */
        PORT(null),
        /** One of {@link ReferenceKind#SECURITIES}. */
        SECURITY("starttls"),
        /** An optional line. */
        OPTIONAL_LINE(null),
        /**
         * A secret (a password): the commands, events and views carry only {@link ReferenceKind#HIDDEN} (set) or null
         * (none); the value itself goes to the secret store.
         */
        SECRET(null),
        /** A required e-mail address. */
        EMAIL(null),
        /** An active user's name, required. */
        USER(null),
        /** A whole number from 1 (a daily limit). */
        LIMIT("500"),
        /** A whole number of seconds from 0 (a pause). */
        PAUSE("0");

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

    /** A kind that holds a {@link Rule#SECRET} is read by administrators only, and its secrets never leave the store. */
    public boolean adminsOnly() {
        return secret().isPresent();
    }

    /** Its secret field, if it has one. */
    public Optional<Field> secret() {
        return rules.stream().filter(r -> r.rule() == Rule.SECRET).map(RuleOf::field).findFirst();
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
