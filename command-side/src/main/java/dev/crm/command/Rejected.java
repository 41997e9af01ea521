package dev.crm.command;

import java.util.List;

/**
 * A command refused by a rule. {@code code} names a message in the web module's
 * {@code messages.properties} (with {@code args}); the web layer turns each kind into its HTTP status.
 */
public abstract sealed class Rejected extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    protected Rejected(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The input is wrong: 400, with one error per field. */
    public static final class Invalid extends Rejected {
        private final transient List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super("error.invalid");
            this.errors = List.copyOf(errors);
        }

        public Invalid(String field, String code, Object... args) {
            this(List.of(new FieldError(field, code, args)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** The actor may see the object but not do this to it: 403. */
    public static final class Forbidden extends Rejected {
        public Forbidden(String code, Object... args) {
            super(code, args);
        }
    }

    /** The object does not exist, or the actor may not know that it does: 404. */
    public static final class NotFound extends Rejected {
        public NotFound(long id) {
            super("error.not-found", id);
        }

        /** Something not named by an object ID (a user by username). */
        public NotFound(String code, Object... args) {
            super(code, args);
        }
    }

    /** The object's state does not allow this now (a reviewed memo cannot be postponed): 409. */
    public static final class WrongState extends Rejected {
        public WrongState(String code, Object... args) {
            super(code, args);
        }
    }

    /** The caller's If-Match version is not the object's current version: 412. */
    public static final class StaleVersion extends Rejected {
        public StaleVersion(long expected, long actual) {
            super("error.stale-version", expected, actual);
        }
    }

    /** One field's error; {@code code} is a message key. */
    public record FieldError(String field, String code, Object[] args) {
    }
}
