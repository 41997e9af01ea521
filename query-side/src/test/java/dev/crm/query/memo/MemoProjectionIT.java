package dev.crm.query.memo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.FieldChange;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoRestored;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link MemoProjection} fed a memo's life through its handlers, then the same events again. */
class MemoProjectionIT extends ProjectionContract {

    MemoProjection memos;
    ObjectIndex objects;
    MemoQueries queries;

    @BeforeEach
    void empty() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        memos = new MemoProjection(db.writes, objects, new dev.crm.query.link.Links(db.jdbc, db.writes));
        queries = new MemoQueries(db.named, db.writes);
    }

    /** Three memos: a draft sent, postponed and reviewed; one deleted by a cascade and restored; one deleted. */
    @Override
    protected void events() {
        deliver(() -> memos.on(new MemoCreated(1, "Budget 2027", "first draft", null, true, "alice", 7L), at(0)));
        deliver(() -> memos.on(new MemoChanged(1, List.of(FieldChange.of("to", null, "bob"),
                FieldChange.of("description", "first draft", "Numbers attached"))), 1, at(1)));
        deliver(() -> memos.on(new MemoChanged(1, List.of(FieldChange.of("draft", true, false),
                FieldChange.of("title", "Budget 2027", "Budget 2027 (final)"))), 2, at(2)));
        deliver(() -> memos.on(new MemoPostponed(1, MemoStage.PENDING), 3, at(3)));
        deliver(() -> memos.on(new MemoReviewed(1, "Approved", MemoStage.POSTPONED, null), 4, at(4)));

        deliver(() -> memos.on(new MemoCreated(2, "Printer broken", null, "carol", false, "bob"), at(5)));
        deliver(() -> memos.on(new MemoDeleted(2), 1, at(6), "bob", "cascade-1", null));
        deliver(() -> memos.on(new MemoRestored(2), 2, at(7)));

        deliver(() -> memos.on(new MemoCreated(3, "Old note", "obsolete", "alice", false, "carol", 8L), at(8)));
        deliver(() -> memos.on(new MemoDeleted(3), 1, at(9), "admin", null, null));

        // a memo of deal 61, moved to deal 62; one of deal 61, taken off it
        deliver(() -> memos.on(new MemoCreated(4, "About the offer", null, "bob", false, "alice", 7L, 61L), at(10)));
        deliver(() -> memos.on(new MemoChanged(4, List.of(FieldChange.of("deal", "61", "62"))), 1, at(11)));
        deliver(() -> memos.on(new MemoCreated(5, "Also the offer", null, "bob", false, "alice", 7L, 61L), at(12)));
        deliver(() -> memos.on(new MemoChanged(5, List.of(FieldChange.of("deal", "61", null))), 1, at(13)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("memo_view")).hasSize(5);
        assertThat(once.get("object_link")).hasSize(1);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();

        MemoView budget = queries.find(1).orElseThrow();
        assertThat(budget).isEqualTo(new MemoView(1, 5, "Budget 2027 (final)", "Numbers attached", "bob", false,
                MemoStage.REVIEWED, "Approved", "alice", false, stored(0), stored(4), 7L));
        MemoView printer = queries.find(2).orElseThrow();
        assertThat(printer.deleted()).isFalse();
        assertThat(printer.version()).isEqualTo(3);
        assertThat(printer.stage()).isEqualTo(MemoStage.PENDING);
        assertThat(printer.department()).isNull();
        assertThat(queries.find(3).orElseThrow().deleted()).isTrue();

        ObjectSummary indexed = objects.find(1).orElseThrow();
        assertThat(indexed).isEqualTo(new ObjectSummary(1, "memo", "Budget 2027 (final)", "alice", false, 5,
                stored(0), stored(4), null, null));
        assertThat(db.jdbc.queryForObject("SELECT department FROM crm_object WHERE id = 1", Long.class)).isEqualTo(7L);
        Map<String, Object> restored = db.jdbc.queryForMap("SELECT * FROM crm_object WHERE id = 2");
        assertThat(restored).containsEntry("deleted", false).containsEntry("version", 3L)
                .containsEntry("deleted_at", null).containsEntry("deleted_by", null)
                .containsEntry("deleted_cascade", null).containsEntry("deleted_with", null);
        ObjectSummary deleted = objects.find(3).orElseThrow();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.deletedBy()).isEqualTo("admin");
        assertThat(deleted.deletedAt()).isEqualTo(stored(9));
        assertThat(db.count("memo_view")).isEqualTo(5);
        assertThat(db.count("crm_object")).isEqualTo(5);
    }

    @Test
    void aMemoOfADealIsLinkedToItAsAPartAndMovesWithItsDeal() {
        events();

        assertThat(queries.find(4).orElseThrow().deal()).isEqualTo(62L);
        assertThat(queries.find(5).orElseThrow().deal()).isNull();
        assertThat(queries.find(1).orElseThrow().deal()).isNull();
        assertThat(db.jdbc.queryForList("SELECT from_id || ' ' || to_id || ' ' || relation FROM object_link",
                String.class)).containsExactly("62 4 part");
    }

    @Test
    void anOlderEventArrivingLateIsIgnored() {
        events();
        Map<String, List<String>> done = db.snapshot();

        memos.on(new MemoChanged(1, List.of(FieldChange.of("title", "x", "A stale title"))), 1, at(20));
        memos.on(new MemoPostponed(1, MemoStage.PENDING), 3, at(21));

        assertThat(db.snapshot()).isEqualTo(done);
    }
}
