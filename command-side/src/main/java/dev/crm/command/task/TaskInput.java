package dev.crm.command.task;

import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import java.util.List;

/** Input rules of a task's fields, shared by create and change; the text rules are {@link FieldRules}. */
final class TaskInput {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 10_000;

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
        FieldRules.name("title", title, TITLE_MAX, errors);
    }

    static void text(String field, String text, int max, List<Rejected.FieldError> errors) {
        FieldRules.text(field, text, max, errors);
    }

    static void date(String field, String date, List<Rejected.FieldError> errors) {
        FieldRules.date(field, date, errors);
    }

    /** Distinct, stripped usernames, each an active user (looked up only when there are not too many). */
    static List<String> users(String field, List<String> names, UserDirectory users, List<Rejected.FieldError> errors) {
        int before = errors.size();
        List<String> out = FieldRules.usernames(field, names, errors);
        if (errors.size() == before) {
            for (String n : out) {
                if (!users.isActiveUser(n)) {
                    errors.add(error(field, "validation.unknown-user", n));
                }
            }
        }
        return out;
    }

    static List<String> tags(List<String> tags, List<Rejected.FieldError> errors) {
        return FieldRules.tags("tags", tags, errors);
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
