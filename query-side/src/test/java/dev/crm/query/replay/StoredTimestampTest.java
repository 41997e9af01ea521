package dev.crm.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** {@link JdbcStoredEvents#timestamp} reads every stored timestamp as Axon's own parser does. */
class StoredTimestampTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        Random random = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            for (String text : new String[] {DateTimeUtils.formatInstant(instant), instant.toString()}) {
                assertThat(JdbcStoredEvents.timestamp(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            }
        }
    }

    @Test
    void leavesEveryOtherFormToAxon() {
        for (String text : new String[] {"2026-03-02T09:00:00.1Z", "2026-03-02T09:00:00.123456789Z",
                "2026-03-02T09:00:00+01:00", "2026-03-02t09:00:00.5z", "2026-03-02T09:00Z", "2024-02-29T23:59:59Z",
                "2026-03-02T09:00:00.123+00:00", "+12026-03-02T09:00:00Z", "2026-02-29T09:00:00Z",
                "2026-03-02T24:00:00Z", "2026-03-02T09:60:00Z", "2026-03-02T09:00:60Z", "2026-13-02T09:00:00Z",
                "2026-03-02T09:00:00.Z", "2026-03-02T09:00:0xZ", "2026-03-02T09:00:00.1234567890Z",
                "2026-00-02T09:00:00Z", "2026-04-31T09:00:00Z"}) {
            assertThat(outcome(() -> JdbcStoredEvents.timestamp(text))).as(text)
                    .isEqualTo(outcome(() -> DateTimeUtils.parseInstant(text)));
        }
    }

    /** The instant read, or the kind of exception thrown. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
