package dev.crm.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.EventFeed;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.Scenario;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HistoryReader} on the {@link Scenario}'s event streams (Axon's in-memory store) and the file objects of
 * its read model (PostgreSQL): an object's own events with its files' events woven in, a memo's draft part left
 * out for who may not read it, and a user's history.
 */
class HistoryReaderIT {

    static PostgresSchema db;
    static EmbeddedEventStore store;
    static HistoryReader history;

    @BeforeAll
    static void scenario() {
        db = PostgresSchema.fresh();
        EventFeed feed = new EventFeed(ReadModels.on(db).projections());
        Scenario.publish(feed);
        store = EmbeddedEventStore.builder().storageEngine(feed.store()).build();
        history = new HistoryReader(store, new FileQueries(db.jdbc), db.jdbc, new HistoryCache(1_000_000), new ObjectMentions(db.jdbc));
    }

    @AfterAll
    static void drop() {
        store.shutDown();
        db.close();
    }

    static List<String> lines(List<HistoryEntry> entries) {
        return entries.stream().map(e -> e.sequence() + " " + e.event() + " " + e.user()
                + (e.file() == null ? "" : " file " + e.file())
                + (e.cascade() == null ? "" : " " + e.cascade() + "/" + e.deletedWith())).toList();
    }

    @Test
    void aTasksHistoryWeavesInItsFilesEvents() {
        assertThat(lines(history.history(11))).containsExactly(
                "1 TaskCreated alice",
                "1 FileAttached bob file 101",
                "2 TaskChanged alice",
                "3 TaskStageChanged bob",
                "4 TaskDeleted alice k2/10",
                "4 FileDetached alice file 101 k2/10",
                "5 TaskRestored admin",
                "5 FileRestored admin file 101");
        HistoryEntry changed = history.history(11).get(2);
        assertThat(changed.changes()).containsExactly(FieldChange.of("title", "Collect invoices", "Collect all invoices"),
                FieldChange.of("tags", null, "q2"));
        assertThat(changed.at()).isBefore(history.history(11).get(3).at());
    }

    @Test
    void theWholeHistoryOfAMemoWrittenAsADraftIsItsAuthorsAndTheAdministrators() {
        List<String> whole = List.of("1 MemoCreated alice", "1 FileAttached alice file 100", "2 MemoChanged alice",
                "3 MemoReviewed bob");
        assertThat(lines(history.history(1))).isEqualTo(whole);
        for (Actor actor : List.of(Actor.of("alice"), Actor.of("root", Role.ADMIN))) {
            HistoryReader.Visible visible = history.history(1, actor);
            assertThat(lines(visible.entries())).as(actor.username()).isEqualTo(whole);
            assertThat(visible.draftLeftOut()).isFalse();
        }
    }

    @Test
    void othersReadAMemoFromTheMomentItWasSentAsItWasSent() {
        for (Actor actor : List.of(Actor.of("bob"), Actor.of("carol", Role.CHIEF))) {
            HistoryReader.Visible visible = history.history(1, actor);
            assertThat(visible.draftLeftOut()).isTrue();
            assertThat(lines(visible.entries())).as(actor.username())
                    .containsExactly("2 MemoChanged alice", "3 MemoReviewed bob");
            assertThat(visible.entries().get(0).changes()).containsExactly(FieldChange.set("title", "Budget 2027"),
                    FieldChange.set("description", "final numbers"), FieldChange.set("to", "bob"),
                    FieldChange.of("draft", true, false), FieldChange.set("stage", "pending"),
                    FieldChange.set("owner", "alice"), FieldChange.set("department", 7L));
        }
        // a memo still a draft has nothing for them
        HistoryReader.Visible draft = history.history(3, Actor.of("bob"));
        assertThat(draft.entries()).isEmpty();
        assertThat(draft.draftLeftOut()).isTrue();
        // a memo sent from the start is read whole
        HistoryReader.Visible sent = history.history(2, Actor.of("carol"));
        assertThat(lines(sent.entries())).containsExactly("1 MemoCreated bob", "2 MemoPostponed carol");
        assertThat(sent.draftLeftOut()).isFalse();
    }

    @Test
    void aDeleteOfSeveralObjectsIsOneCascade() {
        assertThat(lines(history.history(3))).containsExactly("1 MemoCreated alice",
                "1 FileAttached alice file 102", "2 MemoDeleted alice k1/null", "2 FileDetached alice file 102 k1/3");
        assertThat(history.history(404)).isEmpty();
    }

    @Test
    void aUsersHistoryIsTheirOwnStream() {
        List<HistoryEntry> carol = history.userHistory("carol");
        assertThat(lines(carol)).containsExactly("1 UserCreated admin", "2 UserRolesChanged admin",
                "3 UserDepartmentsChanged admin");
        assertThat(carol.get(1).changes()).containsExactly(FieldChange.of("roles", "manager", "chief"));
        assertThat(history.userHistory("nobody")).isEmpty();
    }
}
