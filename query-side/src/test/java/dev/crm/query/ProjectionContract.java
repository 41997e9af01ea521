package dev.crm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every projection owes a replay, checked on one kind's life: the same events applied again change
 * nothing, a rebuild from empty tables writes the same rows, and every event delivered twice in a row (an
 * at-least-once delivery) writes what one delivery writes.
 *
 * <p>A projection's test extends this class: it hands its projection each event of {@link #events()} through
 * {@link #deliver(Runnable)} and says in {@link #oneRunWrote(Map)} which rows one run must have written, so the
 * replay tests cannot pass on empty tables. Each test class gets its own schema ({@link #db}), emptied before
 * every test.
 */
public abstract class ProjectionContract {

    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    protected static PostgresSchema db;

    /** How many times each event is handed to the projection in a row (an at-least-once delivery). */
    protected int deliveries = 1;

    @BeforeAll
    static void schema() {
        db = PostgresSchema.fresh();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void emptyReadModels() {
        db.clearReadModels();
    }

    protected static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** {@link #at(int)} as the database keeps it (milliseconds). */
    protected static Instant stored(int minute) {
        return at(minute).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Each delivery is one event's handling, as the processors run it: its statements sent together at its end. */
    protected void deliver(Runnable event) {
        for (int i = 0; i < deliveries; i++) {
            try {
                db.writes.handling(() -> {
                    event.run();
                    return null;
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The kind's life: every event handed to the projection through {@link #deliver(Runnable)}. */
    protected abstract void events();

    /** Checks the rows one run of {@link #events()} wrote ({@link PostgresSchema#snapshot()}). */
    protected abstract void oneRunWrote(Map<String, List<String>> once);

    @Test
    protected void theSameEventsAppliedAgainChangeNothing() {
        events();
        Map<String, List<String>> once = db.snapshot();

        events();

        oneRunWrote(once);
        assertThat(db.snapshot()).isEqualTo(once);
    }

    @Test
    protected void aRebuildFromEmptyTablesWritesTheSameRows() {
        events();
        Map<String, List<String>> live = db.snapshot();

        db.clearReadModels();
        events();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    protected void everyEventDeliveredTwiceInARowWritesWhatOneDeliveryWrites() {
        events();
        Map<String, List<String>> once = db.snapshot();

        db.clearReadModels();
        deliveries = 2;
        events();

        assertThat(db.snapshot()).isEqualTo(once);
    }
}
