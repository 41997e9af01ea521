package dev.crm.app.campaign;

import dev.crm.shared.company.CompanyKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A campaign's subject or body for one recipient: {@code {{first_name}}}, {@code {{last_name}}},
 * {@code {{full_name}}} and {@code {{company}}} are replaced by the recipient's values (empty when it has none);
 * any other {@code {{…}}} stays as written. Plain text replacement in one pass: a value is never read as a template,
 * so a recipient whose name is {@code {{company}}} gets exactly that text.
 */
public final class CampaignMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private CampaignMessages() {
    }

    /** Whom a message is rendered for; a company as a recipient has only its name, as {@code company}. */
    public record Recipient(String firstName, String lastName, String company) {

        /** Sample values for a test message of a campaign that has no recipient yet. */
        public static final Recipient SAMPLE = new Recipient("Alex", "Sample", "Sample Ltd");

        /** The first and last name joined by a space, or whichever there is. */
        public String fullName() {
            return (blankIfNull(firstName) + " " + blankIfNull(lastName)).strip();
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("first_name", blankIfNull(firstName));
            values.put("last_name", blankIfNull(lastName));
            values.put("full_name", fullName());
            // {{company}}: named as the company kind is
            values.put(CompanyKind.NAME, blankIfNull(company));
            return values;
        }
    }

    /** The template with the known placeholders replaced by the recipient's values; null stays null. */
    public static String render(String template, Recipient recipient) {
        if (template == null) {
            return null;
        }
        Map<String, String> values = recipient.values();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
