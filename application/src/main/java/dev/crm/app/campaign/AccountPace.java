package dev.crm.app.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pace of each mail account's campaign messages across all instances (table {@code mail_account_pace}): at most
 * its {@code dailyLimit} a day (the day cut by {@link BusinessHours#day}) and its {@code intervalSeconds} between two
 * messages. Each message claims its place by one conditional UPDATE, so two instances never both take the last one.
 * Not a read model.
 */
@Component
class AccountPace {

    /** What a claim answers. */
    enum Answer {
        /** Send now: counted. */
        GRANTED,
        /** Its interval since the last message has not passed: try again shortly. */
        TOO_SOON,
        /** Its daily limit is reached: try again the next day. */
        DAILY_LIMIT
    }

    private final JdbcTemplate jdbc;

    AccountPace(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a claim at {@code now} answers for an account that sent {@code sentToday} messages on {@code rowDay} and
     * may send again at {@code nextSendAt} (both null: never sent).
     */
    static Answer judge(LocalDate rowDay, int sentToday, Instant nextSendAt, LocalDate today, Instant now, int limit) {
        int sent = today.equals(rowDay) ? sentToday : 0;
        if (sent >= limit) {
            return Answer.DAILY_LIMIT;
        }
        if (nextSendAt != null && now.isBefore(nextSendAt)) {
            return Answer.TOO_SOON;
        }
        return Answer.GRANTED;
    }

    /** Claims one message of the account now: counted and the next one put off by the interval when granted. */
    Answer claim(long account, int dailyLimit, int intervalSeconds, LocalDate today, Instant now) {
        try {
            jdbc.update("INSERT INTO mail_account_pace (account, pace_day, sent_today, next_send_at) VALUES (?, ?, 0, ?)",
                    account, Date.valueOf(today), Timestamp.from(now));
        } catch (DuplicateKeyException known) {
            // it has its row
        }
        int claimed = jdbc.update("UPDATE mail_account_pace SET sent_today = CASE WHEN pace_day = ? THEN sent_today + 1 "
                + "ELSE 1 END, pace_day = ?, next_send_at = ? WHERE account = ? AND next_send_at <= ? AND (pace_day <> ? OR "
                + "sent_today < ?)", Date.valueOf(today), Date.valueOf(today),
                Timestamp.from(now.plusSeconds(Math.max(0, intervalSeconds))), account, Timestamp.from(now),
                Date.valueOf(today), dailyLimit);
        if (claimed == 1) {
            return Answer.GRANTED;
        }
        List<Answer> why = jdbc.query("SELECT pace_day, sent_today, next_send_at FROM mail_account_pace WHERE account = ?",
                (rs, n) -> judge(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getTimestamp(3).toInstant(), today, now,
                        dailyLimit), account);
        Answer answer = why.isEmpty() ? Answer.TOO_SOON : why.get(0);
        // granted by the row as it is now: another instance claimed in between; try again shortly
        return answer == Answer.GRANTED ? Answer.TOO_SOON : answer;
    }

    /** Gives back a claimed message that was not sent (the recipient was taken meanwhile, the server unreachable). */
    void refund(long account, LocalDate today) {
        jdbc.update("UPDATE mail_account_pace SET sent_today = sent_today - 1 WHERE account = ? AND pace_day = ? AND "
                + "sent_today > 0", account, Date.valueOf(today));
    }
}
