package dev.crm.command.task;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/** Input rules of a task's fields, shared by create and change. */
final class TaskInput {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 10_000;
    static final int TAG_MAX = 40;

    private TaskInput() {
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    static void title(String title, List<Rejected.FieldError> errors) {
        if (title == null) {
            errors.add(error("title", "validation.required"));
        } else if (title.length() > TITLE_MAX) {
            errors.add(error("title", "validation.too-long", TITLE_MAX));
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            errors.add(error("title", "validation.control-characters"));
        }
    }

    static void text(String field, String text, int max, List<Rejected.FieldError> errors) {
        if (text != null && text.length() > max) {
            errors.add(error(field, "validation.too-long", max));
        }
    }

    static void date(String field, String date, List<Rejected.FieldError> errors) {
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(error(field, "validation.date"));
            }
        }
    }

    /** Distinct, stripped usernames, each an active user. */
    static List<String> users(String field, List<String> names, UserDirectory users, List<Rejected.FieldError> errors) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String name : names) {
            String n = clean(name);
            if (n == null) {
                continue;
            }
            if (!users.isActiveUser(n)) {
                errors.add(error(field, "validation.unknown-user", n));
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    static List<String> tags(List<String> tags, List<Rejected.FieldError> errors) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = clean(tag);
            if (t == null) {
                continue;
            }
            if (t.length() > TAG_MAX || t.contains(",") || t.chars().anyMatch(Character::isISOControl)) {
                errors.add(error("tags", "validation.tag", TAG_MAX));
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    static void throwIfAny(List<Rejected.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }

    static Rejected.FieldError error(String field, String code, Object... args) {
        return new Rejected.FieldError(field, code, args);
    }
}
