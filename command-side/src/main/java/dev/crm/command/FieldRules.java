package dev.crm.command;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import dev.crm.shared.kind.Limits;

/**
 * The input rules every kind's fields share: names and titles, free texts, dates, tags and lists of
 * users. {@link Input} applies them by a field's declared type (the user and department aggregates call them
 * directly), so a kind added later gets the same rules, and the API and the page forms
 * (both send the same commands) refuse the same input with the same field named.
 *
 * <p>The limits follow what the read models can store: a text PostgreSQL or the UTF-8 encoder would
 * change (a lone UTF-16 surrogate becomes "?", a NUL character cannot be stored) is refused, never
 * stored altered; a date is what a {@code VARCHAR(10)} column holds and sorts as text.
 */
public final class FieldRules {

    /** At most this many tags on one object; with {@link #TAG_MAX} that bounds their total length. */
    public static final int TAGS_MAX = Limits.TAGS;
    public static final int TAG_MAX = Limits.TAG;
    /** At most this many users in one list (responsible users, subscribers). */
    public static final int USERS_MAX = Limits.USERS;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"()\\[\\]]+@[^@\\s,;<>\"()\\[\\]]+\\.[^@\\s,;<>\"()\\[\\].]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final Pattern URL = Pattern.compile("(?i)(https?://)?[a-z0-9\\p{L}-]+(\\.[a-z0-9\\p{L}-]+)+(:[0-9]{1,5})?([/?#]\\S*)?");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

    private FieldRules() {
    }

    /**
     * A required one-line text that names or titles something: it must have a visible character (a
     * title of only zero-width or other invisible characters is no title), at most {@code max}
     * characters, no control characters, valid Unicode.
     */
    public static void name(String field, String value, int max, List<Rejected.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(error(field, "validation.required"));
        } else if (value.length() > max) {
            errors.add(error(field, "validation.too-long", max));
        } else if (hasLoneSurrogate(value)) {
            errors.add(error(field, "validation.unicode"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(error(field, "validation.control-characters"));
        } else if (isInvisible(value)) {
            errors.add(error(field, "validation.invisible"));
        }
    }

    /** An optional one-line name: when given, the rules of {@link #name}. */
    public static void optionalName(String field, String value, int max, List<Rejected.FieldError> errors) {
        if (value != null && !value.isEmpty()) {
            name(field, value, max, errors);
        }
    }

    /** An optional one-line text: when given, at most {@code max} characters, no control characters, valid Unicode. */
    public static void line(String field, String value, int max, List<Rejected.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(error(field, "validation.too-long", max));
        } else if (hasLoneSurrogate(value)) {
            errors.add(error(field, "validation.unicode"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(error(field, "validation.control-characters"));
        }
    }

    /** An optional e-mail address: one line, one {@code @} between a local part and a domain with a dot, no spaces. */
    public static void email(String field, String value, int max, List<Rejected.FieldError> errors) {
        int before = errors.size();
        line(field, value, max, errors);
        if (value != null && errors.size() == before && !EMAIL.matcher(value).matches()) {
            errors.add(error(field, "validation.email"));
        }
    }

    /**
     * E-mail addresses in a list ({@code FieldType.EMAILS}), stripped, blanks left out, each once (the first spelling
     * of addresses equal but for case), in the order given; each must be an address ({@link #email}: one error for
     * the first that is not, naming it), and more than {@code max} is an error.
     */
    public static List<String> emails(String field, Collection<String> addresses, int max,
                                      List<Rejected.FieldError> errors) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String address : addresses) {
            String a = address == null ? "" : address.strip();
            if (a.isEmpty()) {
                continue;
            }
            if (a.length() > dev.crm.shared.kind.Limits.EMAIL || !EMAIL.matcher(a).matches()) {
                errors.add(error(field, "validation.emails", a.length() > 60 ? a.substring(0, 60) + "…" : a));
                return List.of();
            }
            out.putIfAbsent(a.toLowerCase(java.util.Locale.ROOT), a);
        }
        if (out.size() > max) {
            errors.add(error(field, "validation.emails.too-many", max));
            return List.of();
        }
        return List.copyOf(out.values());
    }

    /** An optional telephone number: digits with spaces and {@code + ( ) - . /}, at least three digits. */
    public static void phone(String field, String value, int max, List<Rejected.FieldError> errors) {
        int before = errors.size();
        line(field, value, max, errors);
        if (value != null && errors.size() == before
                && (!PHONE.matcher(value).matches() || value.chars().filter(Character::isDigit).count() < 3)) {
            errors.add(error(field, "validation.phone"));
        }
    }

    /** An optional web address: {@code http(s)://} and a host with a dot, or the host alone, no spaces. */
    public static void url(String field, String value, int max, List<Rejected.FieldError> errors) {
        int before = errors.size();
        line(field, value, max, errors);
        if (value != null && errors.size() == before && !URL.matcher(value).matches()) {
            errors.add(error(field, "validation.url"));
        }
    }

    /** An optional free text (line breaks allowed): at most {@code max} characters, valid Unicode, no NUL. */
    public static void text(String field, String value, int max, List<Rejected.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(error(field, "validation.too-long", max));
        } else if (hasLoneSurrogate(value)) {
            errors.add(error(field, "validation.unicode"));
        } else if (value.indexOf('\0') >= 0) {
            errors.add(error(field, "validation.nul"));
        }
    }

    /** An optional calendar date written {@code yyyy-MM-dd}, from 0001-01-01 to 9999-12-31. */
    public static void date(String field, String value, List<Rejected.FieldError> errors) {
        if (value == null) {
            return;
        }
        boolean valid = ISO_DATE.matcher(value).matches();
        if (valid) {
            try {
                valid = LocalDate.parse(value).getYear() >= 1;
            } catch (DateTimeException e) {
                valid = false;
            }
        }
        if (!valid) {
            errors.add(error(field, "validation.date"));
        }
    }

    /**
     * An optional decimal number: written with digits and at most one point ({@code 12.50}, {@code -3}; no exponent,
     * no grouping), at most {@code decimals} digits after the point once trailing zeros are left out (-1: any), at
     * least {@code min} and at most {@code max} (null: any), and at most {@link Limits#DIGITS} digits before the
     * point. Answers the number as the events keep it, its plain text without trailing zeros ({@code 12.5},
     * {@code 100}), or null (none, or refused).
     */
    public static String decimal(String field, String value, int decimals, BigDecimal min, BigDecimal max,
                                 List<Rejected.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            errors.add(error(field, "validation.number"));
            return null;
        }
        BigDecimal number = new BigDecimal(value).stripTrailingZeros();
        if (number.precision() - number.scale() > Limits.DIGITS) {
            errors.add(error(field, "validation.number.too-large", Limits.DIGITS));
        } else if (decimals >= 0 && number.scale() > decimals) {
            errors.add(error(field, "validation.number.decimals", decimals));
        } else if (min != null && number.compareTo(min) < 0) {
            errors.add(error(field, "validation.number.min", min.toPlainString()));
        } else if (max != null && number.compareTo(max) > 0) {
            errors.add(error(field, "validation.number.max", max.toPlainString()));
        } else {
            return number.signum() == 0 ? "0" : number.toPlainString();
        }
        return null;
    }

    /** An optional one of {@code choices}, written exactly so. */
    public static void oneOf(String field, String value, List<String> choices, List<Rejected.FieldError> errors) {
        if (value != null && !choices.contains(value)) {
            errors.add(error(field, "validation.one-of", String.join(", ", choices)));
        }
    }

    /** An optional yes or no: {@code true} or {@code false}, as the events keep it, or null (none, or refused). */
    public static String flag(String field, String value, List<Rejected.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(error(field, "validation.type.boolean"));
            return null;
        }
        return value;
    }

    /**
     * Tags: stripped, blanks left out, each distinct one at most {@link #TAG_MAX} characters without
     * commas (the lists are stored comma-separated), control characters or invisible-only text; at most
     * {@link #TAGS_MAX} of them. Each kind of error is reported once, however many tags have it.
     */
    public static List<String> tags(String field, Collection<String> tags, List<Rejected.FieldError> errors) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        boolean bad = false;
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            bad |= t.length() > TAG_MAX || t.contains(",") || t.chars().anyMatch(Character::isISOControl)
                    || hasLoneSurrogate(t) || isInvisible(t);
            out.add(t);
        }
        if (bad) {
            errors.add(error(field, "validation.tag", TAG_MAX));
        }
        if (out.size() > TAGS_MAX) {
            errors.add(error(field, "validation.tags.too-many", TAGS_MAX));
        }
        return List.copyOf(out);
    }

    /**
     * Usernames in a list, stripped and distinct, blanks left out. More than {@link #USERS_MAX} is an
     * error, found before any of them is looked up.
     */
    public static List<String> usernames(String field, Collection<String> names, List<Rejected.FieldError> errors) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        if (out.size() > USERS_MAX) {
            errors.add(error(field, "validation.users.too-many", USERS_MAX));
        }
        return List.copyOf(out);
    }

    /** A UTF-16 surrogate without its pair: no character at all, and stored as "?" if let through. */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Nothing a reader would see: white space (also no-break spaces), format characters (zero-width
     * space and joiners, bidirectional marks, the byte order mark) and the other default-ignorable or
     * blank-looking code points (Hangul fillers, variation selectors, the blank Braille pattern).
     */
    public static boolean isInvisible(String text) {
        return text.codePoints().allMatch(FieldRules::invisible);
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x2800
                || c == 0x3164 || c == 0xFFA0 || c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF;
    }

    private static Rejected.FieldError error(String field, String code, Object... args) {
        return new Rejected.FieldError(field, code, args);
    }
}
