package dev.crm.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The business hours' format, whether they are open, when they open next, and the day a daily limit counts. */
class BusinessHoursTest {

    static final BusinessHours BERLIN = BusinessHours.parse("Mon-Fri 09:00-18:00 Europe/Berlin");

    @Test
    void openOnWorkingDaysWithinTheHoursOfItsZone() {
        // Tuesday 1 December 2026; Berlin is UTC+1 in winter
        Clock tuesdayTen = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        assertThat(BERLIN.isOpen(tuesdayTen.instant())).isTrue();
        assertThat(BERLIN.isOpen(Instant.parse("2026-12-01T07:59:59Z"))).isFalse();
        assertThat(BERLIN.isOpen(Instant.parse("2026-12-01T08:00:00Z"))).isTrue();
        assertThat(BERLIN.isOpen(Instant.parse("2026-12-01T17:00:00Z"))).isFalse();
        assertThat(BERLIN.isOpen(Instant.parse("2026-12-05T10:00:00Z"))).isFalse(); // Saturday
    }

    @Test
    void theNextOpeningIsTheNextWorkingMorning() {
        assertThat(BERLIN.nextOpening(Instant.parse("2026-12-01T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(BERLIN.nextOpening(Instant.parse("2026-12-01T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(BERLIN.nextOpening(Instant.parse("2026-12-01T18:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        // Friday evening: Monday morning
        assertThat(BERLIN.nextOpening(Instant.parse("2026-12-04T17:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    }

    @Test
    void listsSingleDaysRangesOverTheWeekendAndUtcWithoutAZone() {
        BusinessHours list = BusinessHours.parse("Mon,Wed 8:00-12:30");
        assertThat(list.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(list.isOpen(Instant.parse("2026-12-02T12:00:00Z"))).isTrue(); // Wednesday
        assertThat(list.isOpen(Instant.parse("2026-12-01T10:00:00Z"))).isFalse(); // Tuesday
        BusinessHours weekend = BusinessHours.parse("Sat-Mon 10:00-11:00");
        assertThat(weekend.isOpen(Instant.parse("2026-12-06T10:30:00Z"))).isTrue(); // Sunday
        assertThat(weekend.isOpen(Instant.parse("2026-12-07T10:30:00Z"))).isTrue(); // Monday
        assertThat(weekend.isOpen(Instant.parse("2026-12-08T10:30:00Z"))).isFalse();
        assertThat(BusinessHours.parse("Sun 10:00-11:00").nextOpening(Instant.parse("2026-12-06T11:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-13T10:00:00Z"));
    }

    @Test
    void emptyIsAlwaysOpenAndGarbageIsRefused() {
        assertThat(BusinessHours.parse("").isOpen(Instant.parse("2026-12-06T03:00:00Z"))).isTrue();
        assertThat(BusinessHours.parse(null)).isSameAs(BusinessHours.ALWAYS);
        assertThatThrownBy(() -> BusinessHours.parse("weekdays")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessHours.parse("Mon-Fri 18:00-09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessHours.parse("Mon-Fry 09:00-18:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessHours.parse("Mon-Fri 09:00-18:00 Mars/Olympus"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void theDayOfADailyLimitIsCutInItsZone() {
        // 23:30 UTC on Tuesday is already Wednesday in Berlin
        assertThat(BERLIN.day(Instant.parse("2026-12-01T23:30:00Z"))).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(BERLIN.nextDay(Instant.parse("2026-12-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
        assertThat(BusinessHours.ALWAYS.nextDay(Instant.parse("2026-12-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }
}
