package dev.crm.command.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.DepartmentDirectory;
import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.Restoring;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.reference.ReferenceCommands.ChangeReference;
import dev.crm.command.reference.ReferenceCommands.CreateReference;
import dev.crm.command.reference.ReferenceCommands.DeleteReference;
import dev.crm.command.reference.ReferenceCommands.RestoreReference;
import dev.crm.command.reference.ReferenceCommands.ResumeMailAccount;
import dev.crm.command.reference.ReferenceCommands.StopMailAccount;
import dev.crm.shared.Actor;
import dev.crm.shared.reference.MailAccountResumed;
import dev.crm.shared.reference.MailAccountStopped;
import dev.crm.shared.reference.ReferenceEvent;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.RuleOf;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One object of reference data, of any {@link ReferenceKind}: administrators create, change, delete and restore
 * it; its values are checked by their fields' rules. Which object of a group carries a mark (the default stage,
 * the state currency) is the application's to keep: it sends the change that takes the mark from the other.
 * A mail account may be stopped (its server refused the login) and resumed: by an admin, or by an admin's change of
 * its connection ({@link #CONNECTION}).
 */
@Aggregate
public class ReferenceAggregate {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    /** The fields of a mail account's connection: a change of one of them resumes a stopped account. */
    static final java.util.Set<String> CONNECTION = java.util.Set.of(ReferenceKind.Fields.HOST.name(),
            ReferenceKind.Fields.PORT.name(), ReferenceKind.Fields.SECURITY.name(), ReferenceKind.Fields.USERNAME.name(),
            ReferenceKind.Fields.PASSWORD.name());
    /** The longest stop reason kept. */
    static final int MAX_REASON = 1000;

    /** Boxed: Axon reads the identifier while the first event is applied. */
    @AggregateIdentifier
    private Long id;
    private ReferenceKind kind;
    private Map<String, String> values;
    private boolean deleted;
    /** A mail account's stop: the reason while stopped, null otherwise. */
    private String stopped;

    protected ReferenceAggregate() {
        // for Axon
    }

    @CommandHandler
    public ReferenceAggregate(CreateReference cmd, MetaData metaData, DepartmentDirectory departments, UserDirectory users) {
        requireAdmin(metaData);
        Map<String, String> given = cmd.values() == null ? Map.of() : cmd.values();
        Map<String, String> clean = new LinkedHashMap<>();
        List<Rejected.FieldError> errors = new ArrayList<>();
        for (RuleOf rule : cmd.kind().rules()) {
            String name = rule.field().name();
            if (!given.containsKey(name) && rule.rule() == ReferenceKind.Rule.DEPARTMENT) {
                errors.add(error(name, "validation.required"));
            }
            String value = given.containsKey(name) ? given.get(name) : rule.rule().absent();
            clean.put(name, checked(rule, value, new Directories(departments, users), errors));
        }
        throwIfAny(errors);
        apply(cmd.kind().created(cmd.id(), clean));
    }

    @CommandHandler
    public long handle(ChangeReference cmd, MetaData metaData, DepartmentDirectory departments, UserDirectory users) {
        requireAdmin(metaData);
        requireLive(cmd.kind());
        Versions.require(cmd.expectedVersion());
        Map<String, String> from = new LinkedHashMap<>();
        Map<String, String> to = new LinkedHashMap<>();
        List<Rejected.FieldError> errors = new ArrayList<>();
        for (RuleOf rule : kind.rules()) {
            String name = rule.field().name();
            if (cmd.values().containsKey(name)) {
                String value = checked(rule, cmd.values().get(name), new Directories(departments, users), errors);
                boolean secretSet = rule.rule() == ReferenceKind.Rule.SECRET && value != null;
                if (secretSet || !Objects.equals(value, values.get(name))) {
                    from.put(name, values.get(name));
                    to.put(name, value);
                }
            }
        }
        throwIfAny(errors);
        if (!to.isEmpty()) {
            apply(kind.changed(id, from, to));
            if (stopped != null && to.keySet().stream().anyMatch(CONNECTION::contains)) {
                apply(new MailAccountResumed(id, stopped));
            }
        }
        return Versions.current();
    }

    /** A mail account's stop (system or admin); stopped already: nothing new. */
    @CommandHandler
    public long handle(StopMailAccount cmd, MetaData metaData) {
        requireAdmin(metaData);
        requireLive(ReferenceKind.MAIL_ACCOUNT);
        if (stopped == null) {
            String reason = cmd.reason() == null || cmd.reason().isBlank() ? "unknown" : cmd.reason().strip();
            apply(new MailAccountStopped(id, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
        }
        return Versions.current();
    }

    /** (admin) A stopped mail account sends again; not stopped: nothing new. */
    @CommandHandler
    public long handle(ResumeMailAccount cmd, MetaData metaData) {
        requireAdmin(metaData);
        requireLive(ReferenceKind.MAIL_ACCOUNT);
        if (stopped != null) {
            apply(new MailAccountResumed(id, stopped));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteReference cmd, MetaData metaData) {
        requireAdmin(metaData);
        requireLive(cmd.kind());
        Versions.require(cmd.expectedVersion());
        apply(kind.deleted(id));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreReference cmd, MetaData metaData) {
        if (cmd.kind() != kind) {
            throw new Rejected.NotFound(id);
        }
        Restoring.require(Actor.fromMetaData(metaData), deleted);
        apply(kind.restored(id));
        return Versions.current();
    }

    /** The ports the rules look things up in. */
    record Directories(DepartmentDirectory departments, UserDirectory users) {
    }

    /** The value as stored (null: none), after its rule; a refusal is added to {@code errors}. */
    static String checked(RuleOf rule, String raw, Directories directories, List<Rejected.FieldError> errors) {
        DepartmentDirectory departments = directories.departments();
        String field = rule.field().name();
        String value = raw == null || raw.isBlank() ? null : raw.strip();
        switch (rule.rule()) {
            case NAME -> {
                FieldRules.name(field, value == null ? "" : value, rule.field().max(), errors);
                return value;
            }
            case DEPARTMENT, OPTIONAL_DEPARTMENT -> {
                if (value == null) {
                    return null; // a stage of every department that has none of its own, a lead source of all
                }
                try {
                    long department = Long.parseLong(value);
                    if (departments.exists(department)) {
                        return Long.toString(department);
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                errors.add(error(field, "validation.reference.department-unknown"));
                return null;
            }
            case INDEX -> {
                try {
                    long index = Long.parseLong(value == null ? "0" : value);
                    if (index >= 0 && index <= Integer.MAX_VALUE) {
                        return Long.toString(index);
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                errors.add(error(field, "validation.reference.index"));
                return null;
            }
            case FLAG -> {
                if ("true".equals(value) || "false".equals(value)) {
                    return value;
                }
                if (value == null) {
                    return "false";
                }
                errors.add(error(field, "validation.type.boolean"));
                return null;
            }
            case CODE -> {
                if (value == null) {
                    errors.add(error(field, "validation.required"));
                } else if (!ISO_4217.matcher(value).matches()) {
                    errors.add(error(field, "validation.currency.code"));
                }
                return value;
            }
            case RATE -> {
                try {
                    BigDecimal rate = new BigDecimal(value == null ? "" : value);
                    if (rate.signum() > 0 && rate.precision() - rate.scale() <= 12 && rate.scale() <= 10) {
                        return rate.toPlainString();
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                errors.add(error(field, "validation.currency.rate"));
                return null;
            }
            case HOST -> {
                if (value == null) {
                    errors.add(error(field, "validation.required"));
                } else if (value.length() > rule.field().max() || !HOST.matcher(value).matches()) {
                    errors.add(error(field, "validation.reference.host"));
                }
                return value;
            }
            case PORT -> {
                return whole(field, value, 1, 65_535, "validation.reference.port", errors);
            }
            case LIMIT -> {
                return whole(field, value, 1, Integer.MAX_VALUE, "validation.reference.limit", errors);
            }
            case PAUSE -> {
                return whole(field, value, 0, 86_400, "validation.reference.pause", errors);
            }
            case SECURITY -> {
                if (value == null || !ReferenceKind.SECURITIES.contains(value)) {
                    errors.add(error(field, "validation.reference.security"));
                }
                return value;
            }
            case OPTIONAL_LINE -> {
                if (value != null) {
                    FieldRules.line(field, value, rule.field().max(), errors);
                }
                return value;
            }
            case SECRET -> {
                if (value != null && !ReferenceKind.HIDDEN.equals(value)) {
                    throw new IllegalArgumentException("a secret's value never reaches the aggregate");
                }
                return value;
            }
            case EMAIL -> {
                if (value == null) {
                    errors.add(error(field, "validation.required"));
                } else {
                    FieldRules.email(field, value, rule.field().max(), errors);
                }
                return value;
            }
            case USER -> {
                if (value == null) {
                    errors.add(error(field, "validation.required"));
                } else if (!directories.users().isActiveUser(value)) {
                    errors.add(error(field, "validation.reference.user-unknown"));
                }
                return value;
            }
            default -> throw new IllegalStateException(rule.rule().name());
        }
    }

    /** A whole number from {@code min} to {@code max}, or the error {@code code}. */
    private static String whole(String field, String value, long min, long max, String code,
                                List<Rejected.FieldError> errors) {
        try {
            long number = Long.parseLong(value == null ? "" : value);
            if (number >= min && number <= max) {
                return Long.toString(number);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(error(field, code));
        return null;
    }

    private static Rejected.FieldError error(String field, String code) {
        return new Rejected.FieldError(field, code, new Object[0]);
    }

    private static void throwIfAny(List<Rejected.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }

    /** Another kind's object, or a deleted one, is not found for this command. */
    private void requireLive(ReferenceKind expected) {
        if (expected != kind || deleted) {
            throw new Rejected.NotFound(id);
        }
    }

    private static void requireAdmin(MetaData metaData) {
        if (!Actor.fromMetaData(metaData).isAdmin()) {
            throw new Rejected.Forbidden("error.reference.admin-only");
        }
    }

    @EventSourcingHandler
    void on(ReferenceEvent.Created e) {
        id = e.objectId();
        kind = ReferenceKind.of(e);
        values = new LinkedHashMap<>(e.values());
    }

    @EventSourcingHandler
    void on(ReferenceEvent.Changed e) {
        values.putAll(e.to());
    }

    @EventSourcingHandler
    void on(MailAccountStopped e) {
        stopped = e.reason();
    }

    @EventSourcingHandler
    void on(MailAccountResumed e) {
        stopped = null;
    }

    @EventSourcingHandler
    void on(ReferenceEvent.Deleted e) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(ReferenceEvent.Restored e) {
        deleted = false;
    }
}
