package dev.crm.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * Formats times for pages ({@code ${@dates.format(m.updatedAt)}}): stored in UTC, shown in the reader's time zone
 * and language (both decided by {@code ReaderLocaleResolver}); outside a request, in the server's {@code crm.time-zone}.
 */
@Component("dates")
public class Dates {

    private final ZoneId fallback;

    Dates(@Value("${crm.time-zone:UTC}") String fallback) {
        this.fallback = ZoneId.of(fallback);
    }

    /** The reader's zone: the signed-in user's, else the server's {@code crm.time-zone}. */
    public ZoneId zone() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        if (context instanceof TimeZoneAwareLocaleContext zoned && zoned.getTimeZone() != null) {
            return zoned.getTimeZone().toZoneId();
        }
        return fallback;
    }

    /**
     * Today in the reader's zone (what "overdue" and "due today" are measured against): in a request, the zone
     * {@code ReaderLocaleResolver} decided; outside one, the clock's.
     */
    public static LocalDate today(java.time.Clock clock) {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        if (context instanceof TimeZoneAwareLocaleContext zoned && zoned.getTimeZone() != null) {
            return LocalDate.now(clock.withZone(zoned.getTimeZone().toZoneId()));
        }
        return LocalDate.now(clock);
    }

    public String format(Instant at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone()).format(at);
    }

    /** Machine-readable, for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone()).format(at);
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
