package dev.crm.command;

import java.util.List;
import org.hamcrest.CustomTypeSafeMatcher;

/** Matchers for a refused command's field errors, for the aggregates' fixture tests. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** A {@link Rejected.Invalid} with errors on exactly these fields, in this order. */
    public static CustomTypeSafeMatcher<Rejected.Invalid> errorsOn(String... fields) {
        return new CustomTypeSafeMatcher<>("errors on " + List.of(fields)) {
            @Override
            protected boolean matchesSafely(Rejected.Invalid e) {
                return e.errors().stream().map(Rejected.FieldError::field).toList().equals(List.of(fields));
            }
        };
    }
}
