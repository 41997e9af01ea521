package dev.crm.command.memo;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import java.util.List;

/** The input rules of a memo's fields, shared by create and change. */
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
        if (title == null || title.isEmpty()) {
            errors.add(error("title", "validation.required"));
        } else if (title.length() > TITLE_MAX) {
            errors.add(error("title", "validation.too-long", TITLE_MAX));
        } else if (hasControlCharacters(title)) {
            errors.add(error("title", "validation.control-characters"));
        }
    }

    static void checkDescription(String description, List<Rejected.FieldError> errors) {
        if (description != null && description.length() > TEXT_MAX) {
            errors.add(error("description", "validation.too-long", TEXT_MAX));
        }
    }

    static void checkConclusion(String conclusion, List<Rejected.FieldError> errors) {
        if (conclusion != null && conclusion.length() > TEXT_MAX) {
            errors.add(error("conclusion", "validation.too-long", TEXT_MAX));
        }
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

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static Rejected.FieldError error(String field, String code, Object... args) {
        return new Rejected.FieldError(field, code, args);
    }
}
