package dev.crm.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.app.campaign.AccountPace.Answer;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic: the daily limit per day, a new day starts from zero, the interval between messages. */
class AccountPaceTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anAccountThatNeverSentMaySend() {
        assertThat(AccountPace.judge(null, 0, null, TODAY, NOW, 150)).isEqualTo(Answer.GRANTED);
    }

    @Test
    void theDailyLimitStopsItUntilTheNextDay() {
        assertThat(AccountPace.judge(TODAY, 149, NOW, TODAY, NOW, 150)).isEqualTo(Answer.GRANTED);
        assertThat(AccountPace.judge(TODAY, 150, NOW, TODAY, NOW, 150)).isEqualTo(Answer.DAILY_LIMIT);
        assertThat(AccountPace.judge(TODAY.minusDays(1), 150, NOW, TODAY, NOW, 150)).isEqualTo(Answer.GRANTED);
        assertThat(AccountPace.judge(TODAY, 0, null, TODAY, NOW, 0)).isEqualTo(Answer.DAILY_LIMIT);
    }

    @Test
    void theIntervalPutsOffTheNextMessage() {
        assertThat(AccountPace.judge(TODAY, 3, NOW.plusSeconds(1), TODAY, NOW, 150)).isEqualTo(Answer.TOO_SOON);
        assertThat(AccountPace.judge(TODAY, 3, NOW, TODAY, NOW, 150)).isEqualTo(Answer.GRANTED);
        // the limit is said first: waiting for the interval would not help
        assertThat(AccountPace.judge(TODAY, 150, NOW.plusSeconds(1), TODAY, NOW, 150)).isEqualTo(Answer.DAILY_LIMIT);
    }
}
