package dev.crm.web.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats times for pages ({@code ${@dates.format(m.updatedAt)}}) in the server's time zone. */
@Component("dates")
class Dates {

    private final ZoneId zone = ZoneId.systemDefault();

    public String format(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(at);
    }

    /** Machine-readable, for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(at);
    }

    /** A moment as history and events carry it (an ISO-8601 instant), for a page; anything else as it is. */
    public String formatText(String instant) {
        try {
            return format(Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return instant;
        }
    }
}
