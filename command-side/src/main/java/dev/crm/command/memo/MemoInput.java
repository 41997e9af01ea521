package dev.crm.command.memo;

import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import java.util.List;

/** The input rules of a memo's fields, shared by create and change; the text rules are {@link FieldRules}. */
final class MemoInput {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 10_000;

    private MemoInput() {
    }

    static String clean(String value) {
        return value == null ? null : value.strip();
    }

    /** Blank optional text is no text. */
    static String cleanOptional(String value) {
        String cleaned = clean(value);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    static void checkTitle(String title, List<Rejected.FieldError> errors) {
        FieldRules.name("title", title, TITLE_MAX, errors);
    }

    static void checkDescription(String description, List<Rejected.FieldError> errors) {
        FieldRules.text("description", description, TEXT_MAX, errors);
    }

    static void checkConclusion(String conclusion, List<Rejected.FieldError> errors) {
        FieldRules.text("conclusion", conclusion, TEXT_MAX, errors);
    }

    static void checkRecipient(String to, boolean draft, UserDirectory users, List<Rejected.FieldError> errors) {
        if (to == null) {
            if (!draft) {
                errors.add(error("to", "validation.memo.recipient-required"));
            }
        } else if (!users.isActiveUser(to)) {
            errors.add(error("to", "validation.unknown-user", to));
        }
    }

    static void throwIfAny(List<Rejected.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }

    private static Rejected.FieldError error(String field, String code, Object... args) {
        return new Rejected.FieldError(field, code, args);
    }
}
