package dev.crm.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.query.EventFeed;
import dev.crm.query.ProjectionWrites;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.Scenario;
import dev.crm.shared.Deletion;
import dev.crm.shared.FieldChange;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileRestored;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoRestored;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.user.UserDepartmentsChanged;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ReadModelRebuilder} on the stored {@link Scenario}: the projections' beans in a plain application
 * context (no Spring Boot), the events in Axon's in-memory event store. What the live projections wrote
 * and what a rebuild writes from the store must be the same rows.
 */
class ReadModelRebuilderIT {

    static PostgresSchema db;

    EventFeed feed;
    GenericApplicationContext context;
    ReadModelRebuilder rebuilder;
    Map<String, List<String>> live;
    MaintenanceProbe probe;

    /** A query-side handler that notes whether the maintenance flag is up while it is replayed, or fails. */
    @ProcessingGroup("probe")
    static class MaintenanceProbe {
        final JdbcTemplate jdbc;
        final List<Boolean> flags = new ArrayList<>();
        Long failAt;

        MaintenanceProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(MemoCreated e) {
            flags.add(flag(jdbc));
            if (failAt != null && failAt == e.memoId()) {
                throw new IllegalStateException("probe fails at memo " + e.memoId());
            }
        }
    }

    /** A handler that reads through {@link ProjectionWrites#jdbc()}, in the middle of a replay's batch. */
    @ProcessingGroup("reader")
    static class ReadingProbe {
        final ProjectionWrites writes;
        final List<Long> seen = new ArrayList<>();

        ReadingProbe(ProjectionWrites writes) {
            this.writes = writes;
        }

        @EventHandler
        void on(MemoCreated e) {
            // the objects written before this memo, this batch's included
            seen.add(writes.jdbc().queryForObject("SELECT COUNT(*) FROM crm_object WHERE id <> ?", Long.class,
                    e.memoId()));
        }
    }

    static boolean flag(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT active FROM crm_maintenance WHERE name = ?", Boolean.class,
                ReadModelRebuilder.MAINTENANCE);
    }

    @BeforeAll
    static void schema() {
        db = PostgresSchema.fresh();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void liveProjections() {
        db.clearReadModels();
        ReadModels models = ReadModels.on(db);
        context = new GenericApplicationContext();
        for (Object projection : models.projections()) {
            register(context, projection);
        }
        register(context, models.objects());
        register(context, models.links());
        probe = new MaintenanceProbe(db.jdbc);
        register(context, probe);
        context.refresh();
        feed = new EventFeed(models.projections());
        Scenario.publish(feed);
        live = db.snapshot();
        // as the application wires it on PostgreSQL: a connection of its own that rewrites batched inserts
        rebuilder = new ReadModelRebuilder(StoredEvents.of(feed.store()), () -> db.connect("reWriteBatchedInserts=true"),
                context, db.jdbc, db.transactions(), db.writes);
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(GenericApplicationContext context, T bean) {
        context.registerBean((Class<T>) bean.getClass(), () -> bean);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theScenarioFillsEveryReadModel() {
        // the rebuilder finds every table through the read models' own declarations
        assertThat(rebuilder.tables()).containsExactly("campaign_company", "campaign_contact", "campaign_lead",
                "campaign_view", "company_view", "contact_view", "crm_object", "crm_user",
                "deal_product", "deal_view", "department_view", "email_view", "file_content",
                "file_view", "lead_view", "memo_view", "object_link", "object_mention", "payment_view", "product_view",
                "request_product",
                "request_view",
                "task_person", "task_view", "user_department");
        rebuilder.tables().forEach(table -> assertThat(live.get(table)).as(table).isNotEmpty());
        assertThat(live.get("crm_object")).hasSize(2 + 3 + 4 + 3 + 2 + 1 + 1 + 3 + 1 + 1); // and campaign 28
    }

    /** The schema's indexes, each as its definition. */
    static List<String> indexes() {
        return db.jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1",
                String.class);
    }

    @Test
    void aRebuildWritesWhatTheLiveProjectionsWrote() {
        List<String> indexes = indexes();
        // the secret store is no read model: no event carries a secret, so a rebuild leaves it as it is
        db.jdbc.update("DELETE FROM secret WHERE object_id = 999001");
        db.jdbc.update("INSERT INTO secret (object_id, sealed) VALUES (999001, 'sealed')");
        // nor are the objects users opened (user activity: no event records an open)
        db.jdbc.update("DELETE FROM recent_object WHERE username = 'rebuilt'");
        db.jdbc.update("INSERT INTO recent_object (username, object_id, seen_at) VALUES ('rebuilt', 999001, NOW())");

        long replayed = rebuilder.rebuild();

        assertThat(rebuilder.tables()).doesNotContain("secret", "unsubscribe_token", "campaign_delivery", "mail_account_pace",
                "recent_object").contains("object_mention");
        assertThat(db.jdbc.queryForList("SELECT object_id FROM recent_object WHERE username = 'rebuilt'", Long.class))
                .containsExactly(999001L);
        assertThat(db.jdbc.queryForList("SELECT sealed FROM secret WHERE object_id = 999001", String.class))
                .containsExactly("sealed");

        assertThat(replayed).isEqualTo(feed.events().size());
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(flag(db.jdbc)).isFalse();
        // the plain indexes it dropped to fill the tables are back, and no longer recorded as dropped
        assertThat(indexes()).isEqualTo(indexes).anyMatch(i -> i.contains("memo_view_owner"));
        assertThat(db.count("crm_rebuild_index")).isZero();
    }

    @Test
    void aRebuildThatKeepsTheIndexesWritesTheSame() {
        rebuilder.setDropIndexes(false);

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void theIndexesARebuildDroppedBeforeItDiedAreCreatedAtTheNextStart() throws Exception {
        List<String> indexes = indexes();
        try (java.sql.Connection connection = db.connect("")) {
            connection.setAutoCommit(false);
            ReadModelIndexes.drop(connection, rebuilder.tables());
        }
        assertThat(indexes()).noneMatch(i -> i.contains("memo_view_owner")).anyMatch(i -> i.contains("memo_view_pkey"))
                .anyMatch(i -> i.contains("department_view_name_key"));
        assertThat(db.count("crm_rebuild_index")).isGreaterThan(10);

        rebuilder.afterSingletonsInstantiated();

        assertThat(indexes()).isEqualTo(indexes);
        assertThat(db.count("crm_rebuild_index")).isZero();
    }

    @Test
    void theMaintenanceFlagIsUpWhileTheReadModelsAreRebuilt() {
        rebuilder.rebuild();

        assertThat(probe.flags).containsExactly(true, true, true);
        assertThat(flag(db.jdbc)).isFalse();
    }

    @Test
    void aFailedRebuildNamesTheEventAndLowersTheFlag() {
        probe.failAt = 2L;
        String event = feed.events().stream().filter(e -> e.getPayload() instanceof MemoCreated m && m.memoId() == 2)
                .findFirst().orElseThrow().getIdentifier();

        assertThatThrownBy(rebuilder::rebuild).isInstanceOf(IllegalStateException.class)
                .hasMessage("replay failed at event " + event);

        assertThat(flag(db.jdbc)).isFalse();
        // the tables were emptied in a transaction of their own; the failed batch left nothing in them
        assertThat(db.count("memo_view")).isZero();
        assertThat(db.count("crm_object")).isZero();
    }

    @Test
    void aRebuildRepairsReadModelsThatWentWrong() {
        db.jdbc.update("UPDATE memo_view SET title = 'garbage', version = 99 WHERE id = 1");
        db.jdbc.update("DELETE FROM crm_object WHERE id = 11");
        db.jdbc.update("UPDATE file_content SET ref_count = 42");
        db.jdbc.update("DELETE FROM user_department");
        db.jdbc.update("DELETE FROM task_person WHERE task_id = 12");
        db.jdbc.update("INSERT INTO task_person (task_id, username, role) VALUES (11, 'mallory', 'owner')");

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void aReplayOverTheBuiltTablesChangesNothing() {
        assertThat(rebuilder.replay()).isEqualTo(feed.events().size());

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void theLiveEventsDeliveredAgainChangeNothing() {
        feed.applyAllAgain();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void twoRebuildsInARowWriteTheSameRows() {
        rebuilder.rebuild();
        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    private void assertQuietRebuild() {
        ProjectionWrites.ReplayCounts counts = rebuilder.lastCounts();
        // every statement declared its rows (but task_person's relation rows, which are found through other
        // rows), none needed a count or a read, no batch had to be applied again
        assertThat(counts.barriers - counts.rowsUnnamed).as("statements without rows").isZero();
        assertThat(counts.forcedFlushes).as("forced flushes").isZero();
        assertThat(counts.batchesAppliedAgain).as("batches applied again").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 1000})
    void aRebuildInBatchesOfAnySizeWritesWhatTheLiveProjectionsWrote(int events) {
        long replayed = rebuilder.batchSize(events).rebuild();

        assertThat(replayed).isEqualTo(feed.events().size());
        assertThat(db.snapshot()).isEqualTo(live);
        assertQuietRebuild();
        // the Scenario's 44 events in one batch: groups, not one execution per statement (its tasks' relation
        // statements on task_person cut the batch, so the groups are smaller than they would be without them)
        if (events == 1000) {
            ProjectionWrites.ReplayCounts counts = rebuilder.lastCounts();
            assertThat(counts.executions - counts.rowsUnnamed).isLessThan(counts.statements - counts.rowsUnnamed);
        }
    }

    @Test
    void anAggregateWithManyEventsAcrossBatches() {
        feed.publish(50, new MemoCreated(50, "Long story", "v0", "bob", true, "alice", 7L), "alice");
        for (int i = 1; i <= 1_500; i++) {
            List<FieldChange> changes = switch (i % 4) {
                case 0 -> List.of(FieldChange.of("title", null, "Long story " + i));
                case 1 -> List.of(FieldChange.of("description", null, "v" + i));
                case 2 -> List.of(FieldChange.of("title", null, "Story " + i), FieldChange.of("description", null, "w" + i));
                default -> List.of(FieldChange.of("draft", null, Boolean.toString(i % 8 == 3)));
            };
            feed.publish(50, new MemoChanged(50, changes), "alice");
            if (i % 500 == 0) {
                feed.publish(50, new MemoPostponed(50, MemoStage.PENDING), "bob");
            }
        }
        feed.publish(50, new MemoReviewed(50, "Read it all", MemoStage.POSTPONED, null), "bob");
        live = db.snapshot();

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(db.jdbc.queryForObject("SELECT version FROM memo_view WHERE id = 50", Long.class)).isEqualTo(1_505L);
        assertQuietRebuild();
    }

    @Test
    void aMemoMovedBetweenDealsIsLinkedToTheLastOneAfterARebuild() {
        feed.publish(70, new MemoCreated(70, "About deals", null, "bob", false, "alice", 7L, 81L), "alice");
        for (int round = 0; round < 3; round++) {
            feed.publish(70, new MemoChanged(70, List.of(FieldChange.of("deal", "81", "82"))), "alice");
            feed.publish(70, new MemoChanged(70, List.of(FieldChange.of("deal", "82", null))), "alice");
            feed.publish(70, new MemoChanged(70, List.of(FieldChange.of("deal", null, "81"))), "alice");
        }
        feed.publish(70, new MemoChanged(70, List.of(FieldChange.of("deal", "81", "83"))), "alice");
        live = db.snapshot();
        assertThat(db.jdbc.queryForList("SELECT from_id FROM object_link WHERE to_id = 70", Long.class))
                .containsExactly(83L);

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(db.jdbc.queryForObject("SELECT deal FROM memo_view WHERE id = 70", Long.class)).isEqualTo(83L);
        assertQuietRebuild();
    }

    @Test
    void createChangeDeleteRestoreOfTheSameRowsInOneBatch() {
        Map<String, Object> cascade = Map.of(Deletion.CASCADE, "k9");
        feed.publish(60, new MemoCreated(60, "Back and forth", null, "bob", false, "alice", 7L), "alice");
        feed.publish(61, new TaskCreated(61, "Follow up", null, TaskPriority.LOW, null, null, null, List.of("bob"), null,
                List.of(), List.of(), null, 60L, "alice", null, 7L), "alice");
        for (int round = 0; round < 3; round++) {
            feed.publish(60, new MemoChanged(60, List.of(FieldChange.of("title", null, "Back " + round))), "alice");
            feed.publish(61, new TaskChanged(61, List.of(FieldChange.of("title", null, "Follow up " + round))), "alice");
            feed.publish(60, new MemoDeleted(60), "alice", cascade);
            feed.publish(61, new TaskDeleted(61), "alice",
                    Map.of(Deletion.CASCADE, "k9", Deletion.DELETED_WITH, 60L));
            feed.publish(60, new MemoRestored(60), "admin");
            feed.publish(61, new TaskRestored(61), "admin");
            feed.publish(61, new TaskOwnerChanged(61, round == 0 ? "alice" : "bob", round % 2 == 0 ? "bob" : "alice"),
                    "alice");
            feed.publish(61, new TaskStageChanged(61, TaskStage.PENDING, round == 2 ? TaskStage.COMPLETED
                    : TaskStage.IN_PROGRESS), "bob");
        }
        feed.publish(60, new MemoDeleted(60), "alice");
        feed.publish("alice", new UserDepartmentsChanged("alice", List.of(7L), List.of(8L)), "admin");
        feed.publish("alice", new UserDepartmentsChanged("alice", List.of(8L), List.of(7L, 8L)), "admin");
        live = db.snapshot();

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
        assertQuietRebuild();
    }

    @Test
    void fileReferenceCountsAcrossAttachDetachAndRestoreInOneBatch() {
        String shared = "c".repeat(64);
        String other = "d".repeat(64);
        feed.publish(200, new FileAttached(200, 1, shared, "a.txt", 10, "text/plain"), "alice");
        feed.publish(201, new FileAttached(201, 2, shared, "b.txt", 10, "text/plain"), "bob");
        feed.publish(200, new FileDetached(200, 1, shared, "a.txt"), "alice");
        feed.publish(200, new FileRestored(200, 1, shared, "a.txt"), "admin");
        feed.publish(201, new FileDetached(201, 2, shared, "b.txt"), "bob");
        feed.publish(200, new FileDetached(200, 1, shared, "a.txt"), "alice");
        // the content has no reference left here: zero since this event
        feed.publish(201, new FileRestored(201, 2, shared, "b.txt"), "admin");
        feed.publish(202, new FileAttached(202, 1, other, "c.txt", 20, "text/plain"), "alice");
        feed.publish(203, new FileAttached(203, 2, other, "c.txt", 20, "text/plain"), "bob");
        feed.publish(202, new FileDetached(202, 1, other, "c.txt"), "alice");
        feed.publish(201, new FileDetached(201, 2, shared, "b.txt"), "bob");
        live = db.snapshot();
        assertThat(db.jdbc.queryForList("SELECT sha256 || ':' || ref_count || ':' || (zero_since IS NULL) FROM file_content "
                + "WHERE sha256 IN (?, ?) ORDER BY sha256", String.class, shared, other))
                .containsExactly(shared + ":0:false", other + ":1:true");

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
        assertQuietRebuild();
    }

    @Test
    void aStatementThatFailsInABatchNamesItsEventAndLowersTheFlag() {
        // the database refuses memo 2's row: the batch fails as a whole, then event by event
        List<String> indexes = indexes();
        db.jdbc.execute("ALTER TABLE memo_view ADD CONSTRAINT no_printers CHECK (title NOT LIKE 'Printer%') NOT VALID");
        try {
            String event = feed.events().stream().filter(e -> e.getPayload() instanceof MemoCreated m && m.memoId() == 2)
                    .findFirst().orElseThrow().getIdentifier();

            assertThatThrownBy(rebuilder::rebuild).isInstanceOf(IllegalStateException.class)
                    .hasMessage("replay failed at event " + event);

            assertThat(flag(db.jdbc)).isFalse();
            assertThat(rebuilder.lastCounts().batchesAppliedAgain).isEqualTo(1);
            assertThat(db.count("memo_view")).isZero();
            assertThat(indexes()).isEqualTo(indexes);
        } finally {
            db.jdbc.execute("ALTER TABLE memo_view DROP CONSTRAINT no_printers");
        }
    }

    @Test
    @Timeout(60)
    void aFailureInAnEarlyBatchStopsTheReaderAndTheSender() {
        probe.failAt = 2L;
        String event = feed.events().stream().filter(e -> e.getPayload() instanceof MemoCreated m && m.memoId() == 2)
                .findFirst().orElseThrow().getIdentifier();

        // batches of one: the reader is ahead, the sender busy, when the handler fails
        assertThatThrownBy(() -> rebuilder.batchSize(1).rebuild()).hasMessage("replay failed at event " + event);

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("read-model-rebuild"));
        // what came before the failing event was committed, batch by batch
        assertThat(db.count("department_view")).isEqualTo(2);
        assertThat(db.count("memo_view")).isEqualTo(1);
    }

    @Test
    void anEventThatCannotBeReadNamesItself() {
        EventMessage<?> unreadable = new GenericEventMessage<>("x") {
            @Override
            public String getPayload() {
                throw new IllegalArgumentException("no class for this payload");
            }
        };
        StoredEvents events = () -> Stream.concat(feed.events().stream().limit(5), Stream.of(unreadable));
        rebuilder = new ReadModelRebuilder(events, () -> db.connect(""), context, db.jdbc, db.transactions(), db.writes);

        assertThatThrownBy(rebuilder::rebuild).hasMessage("replay failed at event " + unreadable.getIdentifier())
                .hasRootCauseMessage("no class for this payload");
        assertThat(flag(db.jdbc)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 1000})
    void aHandlerThatReadsInABatchSeesTheBatchsEarlierWrites(int events) {
        ReadingProbe reading = new ReadingProbe(db.writes);
        register(context, reading);

        rebuilder.batchSize(events).rebuild();

        // departments 7 and 8; then also memo 1 and file 100; then also memo 2
        assertThat(reading.seen).containsExactly(2L, 4L, 5L);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(rebuilder.lastCounts().forcedFlushes).isBetween(1L, 3L);
    }
}
