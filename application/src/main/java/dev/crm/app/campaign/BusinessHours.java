package dev.crm.app.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When campaigns may send ({@code CRM_MAIL_BUSINESS_HOURS}, property {@code crm.mail.business-hours}): working days,
 * a time of day and a zone, {@code Mon-Fri 09:00-18:00 Europe/Berlin}. Days are a range ({@code Mon-Fri}, also across
 * the week's end: {@code Sat-Mon}), a list ({@code Mon,Wed,Fri}) or one day; the zone is optional (UTC). Empty: always
 * open. The day of an account's daily limit is cut in its zone (UTC without business hours).
 */
public final class BusinessHours {

    /** Always open, days cut in UTC. */
    public static final BusinessHours ALWAYS = new BusinessHours(null, null, null, ZoneOffset.UTC);

    private static final Pattern FORMAT = Pattern.compile(
            "([A-Za-z]{3}(?:-[A-Za-z]{3}|(?:,[A-Za-z]{3})*))\\s+(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})(?:\\s+(\\S+))?");

    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    private final LocalTime closes;
    private final ZoneId zone;

    private BusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {
        this.days = days;
        this.opens = opens;
        this.closes = closes;
        this.zone = zone;
    }

    /** The hours this text says; blank or null: {@link #ALWAYS}; anything else not in the format is refused. */
    public static BusinessHours parse(String text) {
        if (text == null || text.isBlank()) {
            return ALWAYS;
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Business hours are written like 'Mon-Fri 09:00-18:00 Europe/Berlin', "
                    + "not '" + text + "'");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String dayPart = m.group(1);
        if (dayPart.contains("-")) {
            DayOfWeek from = day(dayPart.substring(0, 3));
            DayOfWeek to = day(dayPart.substring(4));
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        } else {
            for (String d : dayPart.split(",")) {
                days.add(day(d));
            }
        }
        LocalTime opens = LocalTime.parse(pad(m.group(2)));
        LocalTime closes = LocalTime.parse(pad(m.group(3)));
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open before they close: '" + text + "'");
        }
        ZoneId zone = m.group(4) == null ? ZoneOffset.UTC : ZoneId.of(m.group(4));
        return new BusinessHours(days, opens, closes, zone);
    }

    /** The zone days are cut in. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether campaigns may send at this moment. */
    public boolean isOpen(Instant at) {
        if (days == null) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The next moment it opens at or after {@code at} ({@code at} itself when open). */
    public Instant nextOpening(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate d = day.plusDays(i);
            Instant opening = d.atTime(opens).atZone(zone).toInstant();
            if (days.contains(d.getDayOfWeek()) && !opening.isBefore(at)) {
                return opening;
            }
        }
        throw new IllegalStateException("no working day in a week");
    }

    /** The day (in its zone) a moment belongs to: the day of an account's daily limit. */
    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The start of the next day after {@code at}, in its zone: when a daily limit is new. */
    public Instant nextDay(Instant at) {
        return day(at).plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        if (days == null) {
            return "always";
        }
        StringBuilder text = new StringBuilder();
        for (DayOfWeek d : days) {
            text.append(text.isEmpty() ? "" : ",").append(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return text + " " + opens + "-" + closes + " " + zone;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Not a day: '" + name + "' (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
