package dev.crm.query.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.PostgresSchema;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RecentObjects} on PostgreSQL: newest open first, one row an object, the last 50 kept, no deleted one. */
class RecentObjectsIT {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");

    static PostgresSchema db;
    static ObjectIndex index;
    static RecentObjects recent;

    @BeforeAll
    static void objects() {
        db = PostgresSchema.fresh();
        index = new ObjectIndex(db.jdbc, db.writes);
        recent = new RecentObjects(db.jdbc);
        LongStream.rangeClosed(1, 62).forEach(id -> index.created(id, "memo", "Memo " + id, "olga", T0));
        db.writes.flush();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static List<Long> ids(String user, int limit) {
        return recent.recent(user, limit).stream().map(ObjectSummary::id).toList();
    }

    @Test
    void theNewestOpenComesFirstAndAnObjectOpenedAgainMovesUp() {
        recent.opened("ann", 1, T0.plusSeconds(1));
        recent.opened("ann", 2, T0.plusSeconds(2));
        recent.opened("ann", 3, T0.plusSeconds(3));
        recent.opened("ann", 1, T0.plusSeconds(4));
        recent.opened("bea", 2, T0.plusSeconds(5));
        assertThat(ids("ann", 10)).containsExactly(1L, 3L, 2L);
        assertThat(ids("ann", 2)).containsExactly(1L, 3L);
        assertThat(ids("bea", 10)).containsExactly(2L);
        assertThat(ids("nobody", 10)).isEmpty();
    }

    @Test
    void theLast50AreKept() {
        for (long id = 1; id <= 60; id++) {
            recent.opened("cid", id, T0.plusSeconds(id));
        }
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM recent_object WHERE username = 'cid'", Long.class))
                .isEqualTo(RecentObjects.KEPT);
        assertThat(ids("cid", 100)).hasSize(RecentObjects.KEPT).first().isEqualTo(60L);
        assertThat(ids("cid", 100)).last().isEqualTo(11L);
    }

    @Test
    void aDeletedObjectLeavesTheList() {
        recent.opened("dan", 61, T0.plusSeconds(1));
        recent.opened("dan", 62, T0.plusSeconds(2));
        index.deleted(62, "olga", 2, T0.plusSeconds(3), null, null);
        db.writes.flush();
        assertThat(ids("dan", 10)).containsExactly(61L);
    }
}
