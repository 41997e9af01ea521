package dev.crm.web.problem;

import dev.crm.command.Rejected;
import java.util.List;

/** Input the API refuses before any command is sent (unknown or read-only fields, wrong JSON types). */
public class BadRequest extends RuntimeException {

    private final transient List<Rejected.FieldError> errors;

    public BadRequest(List<Rejected.FieldError> errors) {
        super("bad request");
        this.errors = List.copyOf(errors);
    }

    public static BadRequest of(String field, String code, Object... args) {
        return new BadRequest(List.of(new Rejected.FieldError(field, code, args)));
    }

    public List<Rejected.FieldError> errors() {
        return errors;
    }
}
