package dev.crm.app.user;

import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be, wherever one is set (the API, the admin pages, {@code CRM_ADMIN_PASSWORD}):
 * at least {@value #MIN} characters and at most {@value #MAX_BYTES} UTF-8 bytes, not only white space,
 * no control characters or half characters, not one of the common passwords shipped in
 * {@code security/common-passwords.txt}, and not the username. "Common" and "the username" are compared
 * without case and without trailing digits and symbols, so {@code Password2024!} and {@code alice123456}
 * are refused as well.
 */
@Component
public class PasswordPolicy {

    public static final int MIN = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
    public static final int MAX_BYTES = 72;
    static final String COMMON_LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** The password's errors, each for the field {@code password}; empty when it may be used. */
    public List<Rejected.FieldError> check(String username, String password) {
        List<Rejected.FieldError> errors = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(error("validation.password", MIN, MAX_BYTES));
        } else if (FieldRules.isInvisible(password)) {
            errors.add(error("validation.password.blank"));
        } else if (FieldRules.hasLoneSurrogate(password) || password.chars().anyMatch(Character::isISOControl)) {
            errors.add(error("validation.password.characters"));
        } else {
            String lower = password.strip().toLowerCase(Locale.ROOT);
            String base = withoutTrailingDigitsAndSymbols(lower);
            String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            if (!user.isEmpty() && (lower.equals(user) || base.equals(user))) {
                errors.add(error("validation.password.username"));
            } else if (common.contains(lower) || common.contains(base)) {
                errors.add(error("validation.password.common"));
            }
        }
        return errors;
    }

    /** Throws the password's errors as a 400 for the field {@code password}. */
    public void require(String username, String password) {
        List<Rejected.FieldError> errors = check(username, password);
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }

    public int commonCount() {
        return common.size();
    }

    private static String withoutTrailingDigitsAndSymbols(String password) {
        int end = password.length();
        while (end > 0 && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(0, end);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    private static Rejected.FieldError error(String code, Object... args) {
        return new Rejected.FieldError("password", code, args);
    }
}
