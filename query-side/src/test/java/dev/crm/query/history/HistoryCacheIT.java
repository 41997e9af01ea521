package dev.crm.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.EventFeed;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.Scenario;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.Deletion;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileRestored;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskRestored;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HistoryReader} with its {@link HistoryCache} on the {@link Scenario} (read model on PostgreSQL, streams in
 * Axon's in-memory store): a history read again is served without reading a stream (the streams read are
 * counted), and whatever changes the object or its files is seen by the very next read. The events are written as
 * another instance would write them: to the store and the read model only, telling the reader nothing.
 */
class HistoryCacheIT {

    static final List<Actor> READERS = List.of(Actor.of("alice"), Actor.of("bob"), Actor.of("carol", Role.CHIEF),
            Actor.of("root", Role.ADMIN));

    PostgresSchema db;
    EventFeed feed;
    EmbeddedEventStore store;
    /** Streams read through {@link #counting}: each one read is each one deserialized. */
    final AtomicInteger streamsRead = new AtomicInteger();
    HistoryCache cache;
    HistoryReader history;

    @BeforeEach
    void scenario() {
        db = PostgresSchema.fresh();
        feed = new EventFeed(ReadModels.on(db).projections());
        Scenario.publish(feed);
        store = EmbeddedEventStore.builder().storageEngine(feed.store()).build();
        cache = new HistoryCache(1_000_000);
        history = new HistoryReader(counting(store), new FileQueries(db.jdbc), db.jdbc, cache, new ObjectMentions(db.jdbc));
    }

    @AfterEach
    void drop() {
        store.shutDown();
        db.close();
    }

    /** The store, counting the streams read from it. */
    EventStore counting(EventStore target) {
        return (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readEvents")) {
                        streamsRead.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A reader without a cache: what each history must equal. */
    HistoryReader uncached() {
        return new HistoryReader(store, new FileQueries(db.jdbc), db.jdbc, new HistoryCache(0), new ObjectMentions(db.jdbc));
    }

    static List<String> lines(List<HistoryEntry> entries) {
        return HistoryReaderIT.lines(entries);
    }

    @Test
    void aHistoryReadAgainReadsNoStream() {
        List<HistoryEntry> first = history.history(11);
        // task 11 and its file 101
        assertThat(streamsRead).hasValue(2);
        assertThat(cache.misses()).isEqualTo(1);

        assertThat(history.history(11)).isEqualTo(first);
        for (Actor reader : READERS) {
            assertThat(history.history(11, reader).entries()).isEqualTo(first);
        }
        assertThat(streamsRead).as("served from the cache").hasValue(2);
        assertThat(cache.hits()).isEqualTo(1 + READERS.size());
        assertThat(cache.objects()).isEqualTo(1);
    }

    @Test
    void aCampaignsMessageShowsInTheRecipientsHistoryAndANewOneIsSeenByTheNextRead() {
        List<HistoryEntry> before = history.history(21);
        HistoryEntry sent = before.stream().filter(e -> e.event().equals("CampaignRecipientSent")).findFirst()
                .orElseThrow();
        assertThat(sent.causedBy()).isEqualTo(28L);
        assertThat(sent.file()).isNull();
        assertThat(history.history(21)).isEqualTo(before);
        // a later campaign event naming it: the campaign's version changed, so the next read reads again
        feed.publish(28, new dev.crm.shared.campaign.CampaignRecipientFailed(28, "contact", 21, "ann@acme.test", null,
                "unknown-outcome", "2026-12-01T10:30:00Z", List.of(FieldChange.of("failed", "0", "1"))), "system");
        List<HistoryEntry> after = history.history(21);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(after.size() - 1).event()).isEqualTo("CampaignRecipientFailed");
        assertThat(after).isEqualTo(uncached().history(21));
        // the lead skipped shows it too; the company, not named, does not
        assertThat(history.history(23)).extracting(HistoryEntry::event).contains("CampaignRecipientSkipped");
        assertThat(history.history(20)).extracting(HistoryEntry::event).doesNotContain("CampaignRecipientSent");
    }

    @Test
    void aChangeOfTheObjectIsSeenByTheNextRead() {
        history.history(12);
        feed.publish(12, new TaskChanged(12, List.of(FieldChange.of("title", "Scan invoices", "Scan all invoices"))),
                "bob");
        List<HistoryEntry> after = history.history(12);
        assertThat(lines(after)).endsWith("4 TaskChanged bob");
        assertThat(after.get(after.size() - 1).changes())
                .containsExactly(FieldChange.of("title", "Scan invoices", "Scan all invoices"));
        assertThat(streamsRead).as("read again once").hasValue(2);
        assertThat(history.history(12)).isEqualTo(after);
        assertThat(streamsRead).hasValue(2);
    }

    @Test
    void aFileAttachedDetachedAndRestoredIsSeenByTheNextRead() {
        List<String> before = lines(history.history(12));
        assertThat(before).containsExactly("1 TaskCreated alice", "2 TaskDeleted alice k2/10", "3 TaskRestored admin");

        // attaching changes no version of the task itself: the new file object is what the read says
        feed.publish(200, new FileAttached(200, 12, Scenario.PLAN, "scan.pdf", 10, "application/pdf"), "carol");
        assertThat(lines(history.history(12))).endsWith("3 TaskRestored admin", "3 FileAttached carol file 200");
        feed.publish(200, new FileDetached(200, 12, Scenario.PLAN, "scan.pdf"), "carol");
        assertThat(lines(history.history(12))).endsWith("3 FileAttached carol file 200", "3 FileDetached carol file 200");
        feed.publish(200, new FileRestored(200, 12, Scenario.PLAN, "scan.pdf"), "admin");
        assertThat(lines(history.history(12))).endsWith("3 FileDetached carol file 200", "3 FileRestored admin file 200");
        // a second file next to the first
        feed.publish(201, new FileAttached(201, 12, Scenario.PHOTO, "photo.jpg", 10, "image/jpeg"), "carol");
        assertThat(lines(history.history(12))).endsWith("3 FileRestored admin file 200", "3 FileAttached carol file 201");
        assertThat(lines(history.history(12))).isEqualTo(lines(uncached().history(12)));
    }

    @Test
    void aDeleteAndARestoreAreSeenByTheNextRead() {
        assertThat(lines(history.history(11))).endsWith("5 TaskRestored admin", "5 FileRestored admin file 101");
        Map<String, Object> k3 = Map.of(Deletion.CASCADE, "k3");
        feed.publish(11, new TaskDeleted(11), "alice", k3);
        assertThat(lines(history.history(11))).endsWith("6 TaskDeleted alice k3/null");
        feed.publish(101, new FileDetached(101, 11, Scenario.PLAN, "plan.pdf"), "alice",
                Map.of(Deletion.CASCADE, "k3", Deletion.DELETED_WITH, 11L));
        assertThat(lines(history.history(11))).endsWith("6 TaskDeleted alice k3/null",
                "6 FileDetached alice file 101 k3/11");
        feed.publish(11, new TaskRestored(11), "admin");
        feed.publish(101, new FileRestored(101, 11, Scenario.PLAN, "plan.pdf"), "admin");
        List<String> restored = lines(history.history(11));
        assertThat(restored).endsWith("7 TaskRestored admin", "7 FileRestored admin file 101");
        assertThat(restored).isEqualTo(lines(uncached().history(11)));
    }

    @Test
    void eachReaderStillSeesWhatTheyMayOfAMemoWrittenAsADraft() {
        // the author reads first: the whole history is what is kept
        assertThat(lines(history.history(1, Actor.of("alice")).entries())).containsExactly("1 MemoCreated alice",
                "1 FileAttached alice file 100", "2 MemoChanged alice", "3 MemoReviewed bob");
        int read = streamsRead.get();
        for (Actor reader : List.of(Actor.of("bob"), Actor.of("carol", Role.CHIEF))) {
            HistoryReader.Visible visible = history.history(1, reader);
            assertThat(visible.draftLeftOut()).isTrue();
            assertThat(lines(visible.entries())).containsExactly("2 MemoChanged alice", "3 MemoReviewed bob");
            assertThat(visible.entries().get(0).changes()).contains(FieldChange.of("draft", true, false))
                    .doesNotContain(FieldChange.of("description", "first numbers", "final numbers"));
        }
        assertThat(history.history(1, Actor.of("root", Role.ADMIN)).draftLeftOut()).isFalse();
        assertThat(history.history(1, Actor.of("root", Role.ADMIN)).entries()).hasSize(4);
        assertThat(streamsRead).as("every reader's view made from the kept history").hasValue(read);

        // a new draft: nothing for the recipient, until it is sent
        feed.publish(5, new MemoCreated(5, "Raise", "secret first words", null, true, "alice", 7L), "alice");
        assertThat(history.history(5, Actor.of("alice")).entries()).hasSize(1);
        HistoryReader.Visible draft = history.history(5, Actor.of("bob"));
        assertThat(draft.entries()).isEmpty();
        assertThat(draft.draftLeftOut()).isTrue();
        feed.publish(5, new MemoChanged(5, List.of(FieldChange.of("to", null, "bob"),
                FieldChange.of("description", "secret first words", "as sent"), FieldChange.of("draft", true, false))),
                "alice");
        HistoryReader.Visible sent = history.history(5, Actor.of("bob"));
        assertThat(lines(sent.entries())).containsExactly("2 MemoChanged alice");
        assertThat(sent.entries().toString()).doesNotContain("secret first words").contains("Raise")
                .contains("as sent");
        assertThat(lines(history.history(5, Actor.of("alice")).entries()))
                .containsExactly("1 MemoCreated alice", "2 MemoChanged alice");
    }

    @Test
    void everyObjectsHistoryIsTheUncachedOneForEveryReaderAfterEveryKindOfChange() {
        sameAsUncachedForEveryObjectAndReader();
        sameAsUncachedForEveryObjectAndReader();
        long hits = cache.hits();
        assertThat(hits).isPositive();
        feed.publish(11, new TaskChanged(11, List.of(FieldChange.of("tags", "q2", "q3"))), "alice");
        feed.publish(100, new FileDetached(100, 1, Scenario.PLAN, "plan.pdf"), "alice");
        feed.publish(12, new TaskDeleted(12), "alice");
        feed.publish(1, new MemoChanged(1, List.of(FieldChange.of("title", "Budget 2027", "Budget 2028"))), "alice");
        sameAsUncachedForEveryObjectAndReader();
    }

    private void sameAsUncachedForEveryObjectAndReader() {
        HistoryReader plain = uncached();
        List<Long> ids = db.jdbc.queryForList("SELECT id FROM crm_object ORDER BY id", Long.class);
        assertThat(ids).hasSizeGreaterThan(10);
        for (long id : ids) {
            for (Actor reader : READERS) {
                assertThat(history.history(id, reader)).as("%d for %s", id, reader.username())
                        .isEqualTo(plain.history(id, reader));
            }
            assertThat(history.history(id)).isEqualTo(plain.history(id));
        }
    }

    @Test
    void whileTheReadModelHasNoRowTheStreamsAreReadAndNothingIsKept() {
        List<String> whole = lines(history.history(11));
        db.clearReadModels();
        int read = streamsRead.get();
        // the files come from file_view, emptied too: a rebuild in progress shows what it has projected so far
        assertThat(lines(history.history(11))).containsExactly("1 TaskCreated alice", "2 TaskChanged alice",
                "3 TaskStageChanged bob", "4 TaskDeleted alice k2/10", "5 TaskRestored admin");
        history.history(11);
        assertThat(streamsRead).as("read each time, nothing kept").hasValue(read + 2);

        feed.applyAllAgain();
        int rebuilt = streamsRead.get();
        // the same versions again: the history kept before is the same history
        assertThat(lines(history.history(11))).isEqualTo(whole);
        assertThat(lines(history.history(11))).isEqualTo(whole);
        assertThat(streamsRead).as("served from the cache again").hasValue(rebuilt);
    }

    /**
     * What the cache relies on: after every event, an object's row in the read model carries the version of
     * its stream (the number of its events), for every kind of object the scenario has.
     */
    @Test
    void theReadModelCarriesEveryStreamsVersion() {
        feed.publish(200, new FileAttached(200, 12, Scenario.PLAN, "scan.pdf", 10, "application/pdf"), "carol");
        List<String> mismatches = new ArrayList<>();
        List<Long> ids = db.jdbc.queryForList("SELECT id FROM crm_object ORDER BY id", Long.class);
        for (long id : ids) {
            long events = feed.events().stream().filter(e -> e.getAggregateIdentifier().equals(Long.toString(id))).count();
            long version = db.jdbc.queryForObject("SELECT version FROM crm_object WHERE id = ?", Long.class, id);
            if (version != events) {
                mismatches.add(id + ": version " + version + ", " + events + " events");
            }
        }
        assertThat(ids).hasSizeGreaterThan(10);
        assertThat(mismatches).isEmpty();
        List<String> kinds = db.jdbc.queryForList("SELECT DISTINCT kind FROM crm_object ORDER BY kind", String.class);
        assertThat(kinds).as(Arrays.toString(kinds.toArray())).hasSizeGreaterThanOrEqualTo(5);
    }
}
