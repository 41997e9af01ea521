package dev.crm.command;

import dev.crm.shared.kind.Field;
import java.util.List;

/**
 * The input policy of every kind, by field declaration: a field's type and limit ({@link Field}) decide which of
 * {@link FieldRules} apply, so the aggregates of memos, tasks and every kind added later check the same field
 * types the same way, and name the field the way the kind declares it.
 */
public final class Input {

    private Input() {
    }

    /** Stripped; blank is no value. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    /** The rules of the field's type for one value (names, texts, dates); other types have rules of their own here. */
    public static void check(Field field, String value, List<Rejected.FieldError> errors) {
        switch (field.type()) {
            case NAME -> FieldRules.name(field.name(), value, field.max(), errors);
            case TEXT -> FieldRules.text(field.name(), value, field.max(), errors);
            case DATE -> FieldRules.date(field.name(), value, errors);
            default -> throw new IllegalArgumentException("no single-value rule for " + field);
        }
    }

    /** Distinct, stripped usernames, each an active user (looked up only when there are not too many). */
    public static List<String> users(Field field, List<String> names, UserDirectory users,
                                     List<Rejected.FieldError> errors) {
        int before = errors.size();
        List<String> out = FieldRules.usernames(field.name(), names, errors);
        if (errors.size() == before) {
            for (String n : out) {
                if (!users.isActiveUser(n)) {
                    errors.add(error(field, "validation.unknown-user", n));
                }
            }
        }
        return out;
    }

    /** Tags: see {@link FieldRules#tags}. */
    public static List<String> tags(Field field, List<String> tags, List<Rejected.FieldError> errors) {
        return FieldRules.tags(field.name(), tags, errors);
    }

    public static Rejected.FieldError error(Field field, String code, Object... args) {
        return new Rejected.FieldError(field.name(), code, args);
    }

    public static void throwIfAny(List<Rejected.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }
}
