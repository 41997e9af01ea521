package dev.crm.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.DecimalFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every language has every text (issue 16): {@code messages_de.properties} has exactly the keys of
 * {@code messages.properties}, and each message the same placeholders ({@code {0}}, {@code {0,number,#}},
 * {@code {0,choice,…}} with the same limits), so no page, problem or e-mail loses or misplaces an argument.
 */
class MessageBundlesTest {

    static final Path ENGLISH = Path.of("src/main/resources/messages.properties");
    /** Every other language's bundle. */
    static final List<Path> OTHERS = List.of(Path.of("src/main/resources/messages_de.properties"));

    /** A MessageFormat argument: its index, and its type and style when they are a number's (a choice's has text). */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(?:\\s*,\\s*(number|choice|date|time)"
            + "(?:\\s*,\\s*(#|integer|percent|currency|short|medium|long|full)\\s*(?=}))?)?");

    static Properties load(Path path) throws IOException {
        Properties messages = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            messages.load(r);
        }
        return messages;
    }

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = new TreeSet<>(load(ENGLISH).stringPropertyNames());
        assertThat(english).hasSizeGreaterThan(1000);
        for (Path other : OTHERS) {
            Set<String> keys = new TreeSet<>(load(other).stringPropertyNames());
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertThat(missing).as("keys of %s missing in %s (translate them):%n%s", ENGLISH, other,
                    String.join("\n", missing)).isEmpty();
            assertThat(extra).as("keys of %s that %s does not have (remove them):%n%s", other, ENGLISH,
                    String.join("\n", extra)).isEmpty();
        }
    }

    @Test
    void everyTranslationHasTheSamePlaceholders() throws IOException {
        Properties english = load(ENGLISH);
        for (Path other : OTHERS) {
            Properties translated = load(other);
            List<String> problems = new ArrayList<>();
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String text = translated.getProperty(key);
                if (text == null) {
                    continue; // the test above names it
                }
                String mine = english.getProperty(key);
                if (!placeholders(mine).equals(placeholders(text))) {
                    problems.add(key + ": " + placeholders(mine) + " in English, " + placeholders(text) + " here");
                } else if (!formats(mine).equals(formats(text))) {
                    problems.add(key + ": formats " + formats(mine) + " in English, " + formats(text) + " here");
                }
            }
            assertThat(problems).as("messages of %s whose placeholders differ from English", other).isEmpty();
        }
    }

    /** The arguments a message names, sorted: "0", "0,number,#", "1,choice". */
    static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : "," + m.group(2))
                    + (m.group(3) == null ? "" : "," + m.group(3)));
        }
        found.sort(null);
        return found;
    }

    /**
     * What MessageFormat makes of a message with arguments: per argument the kind of format, a number's pattern and a
     * choice's limits; "unparsable" for one it refuses (a text such as "{{first_name}}", shown without formatting).
     */
    static List<String> formats(String text) {
        if (placeholders(text).isEmpty()) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (Format f : new MessageFormat(text, Locale.ROOT).getFormatsByArgumentIndex()) {
                out.add(f == null ? "-" : f instanceof ChoiceFormat c ? "choice" + Arrays.toString(c.getLimits())
                        : f instanceof DecimalFormat d ? "number " + d.toPattern() : f.getClass().getSimpleName());
            }
            return out;
        } catch (IllegalArgumentException e) {
            return List.of("unparsable");
        }
    }

    @Test
    void theComparisonSeesADifference() {
        assertThat(placeholders("ID {0,number,#} of {1}")).containsExactly("0,number,#", "1");
        assertThat(placeholders("ID {0} of {1}")).isNotEqualTo(placeholders("ID {0,number,#} of {1}"));
        assertThat(placeholders("{0,choice,1#one|1<{0,number,integer} more}"))
                .containsExactly("0,choice", "0,number,integer");
        assertThat(formats("{0,choice,0#none|1#one|1<{0} more}")).isNotEqualTo(formats("{0,choice,1#one|1<{0} more}"));
        assertThat(placeholders("{{first_name}}")).isEmpty();
    }

    @Test
    void germanIsGerman() throws IOException {
        Properties german = load(OTHERS.get(0));
        assertThat(german.getProperty("login.submit")).isEqualTo("Anmelden");
        assertThat(german.getProperty("help.home.title")).isEqualTo("Die Startseite");
        assertThat(new MessageFormat(german.getProperty("memos.count"), Locale.GERMAN).format(new Object[] {3}))
                .isEqualTo("3 Notizen");
    }
}
