package dev.crm.query.memo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.Sort;
import dev.crm.query.PostgresSchema;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link MemoQueries} on PostgreSQL: who sees what, the filters, the order and the pages. */
class MemoQueriesIT {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    static final List<String> PEOPLE = List.of("alice", "bob", "carol");
    static final List<Actor> ACTORS = List.of(Actor.of("alice", Role.MANAGER), Actor.of("bob", Role.OPERATOR),
            Actor.of("carol"), Actor.of("zed", Role.ACCOUNTANT), Actor.of("chief", Role.CHIEF),
            Actor.of("taskop", Role.TASK_OPERATOR), Actor.of("admin", Role.ADMIN));

    static PostgresSchema db;
    static MemoQueries memos;
    /** Every memo written, as the rules see them. */
    static final List<MemoView> ALL = new ArrayList<>();

    @BeforeAll
    static void memos() {
        db = PostgresSchema.fresh();
        MemoProjection projection = new MemoProjection(db.writes, new ObjectIndex(db.jdbc, db.writes),
                new dev.crm.query.link.Links(db.jdbc, db.writes));
        memos = new MemoQueries(db.named, db.writes);
        long id = 1;
        int minute = 0;
        // every author × recipient (or none) × draft × stage, in departments 7, 8 or none
        for (String author : PEOPLE) {
            for (String to : new String[] {null, "alice", "bob", "carol"}) {
                for (boolean draft : new boolean[] {true, false}) {
                    for (MemoStage stage : MemoStage.values()) {
                        if (draft && stage != MemoStage.PENDING) {
                            continue;
                        }
                        Long department = id % 3 == 0 ? null : 7L + id % 3 - 1;
                        projection.on(new MemoCreated(id, "Memo " + id, "about " + author, to, draft, author,
                                department), T0.plusSeconds(60L * minute++));
                        if (stage == MemoStage.POSTPONED) {
                            projection.on(new MemoPostponed(id, MemoStage.PENDING), 1, T0.plusSeconds(60L * minute++));
                        } else if (stage == MemoStage.REVIEWED) {
                            projection.on(new MemoReviewed(id, "ok", MemoStage.PENDING, null), 1,
                                    T0.plusSeconds(60L * minute++));
                        }
                        id++;
                    }
                }
            }
        }
        // texts to search, a deleted memo, and two memos changed at the same instant (the order falls back on IDs)
        projection.on(new MemoCreated(100, "Quarterly REPORT", "100% done_now", "bob", false, "alice", 7L),
                T0.plusSeconds(60L * minute++));
        projection.on(new MemoCreated(101, "Lunch", "The report is late", "bob", false, "alice", 8L),
                T0.plusSeconds(60L * minute++));
        projection.on(new MemoCreated(102, "Deleted report", "gone", "bob", false, "alice", 7L),
                T0.plusSeconds(60L * minute++));
        projection.on(new MemoDeleted(102), 1, T0.plusSeconds(60L * minute++), "alice", null, null);
        Instant same = T0.plusSeconds(60L * minute++);
        projection.on(new MemoChanged(10, List.of(FieldChange.of("title", "Memo 10", "Memo 10 again"))), 5, same);
        projection.on(new MemoChanged(11, List.of(FieldChange.of("title", "Memo 11", "Memo 11 again"))), 5, same);
        ALL.addAll(db.jdbc.query("SELECT * FROM memo_view", MemoQueries.ROW));
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static List<Long> ids(Page<MemoView> page) {
        return page.items().stream().map(MemoView::id).toList();
    }

    /** The memos the rule {@code MemoAccess#canView} lets the actor see, newest change first. */
    static List<Long> visibleByTheRule(Actor actor) {
        return ALL.stream().filter(m -> !m.deleted() && m.access().canView(actor))
                .sorted(Comparator.comparing(MemoView::updatedAt).thenComparing(MemoView::id).reversed())
                .map(MemoView::id).toList();
    }

    @Test
    void theMemosWaitingForAnActorsReviewAreThoseSentToThemAndNotReviewed() {
        for (Actor actor : ACTORS) {
            List<Long> expected = visibleByTheRule(actor).stream()
                    .map(id -> ALL.stream().filter(m -> m.id() == id).findFirst().orElseThrow())
                    .filter(m -> !m.draft() && actor.username().equals(m.to()) && m.stage() != MemoStage.REVIEWED)
                    .map(MemoView::id).toList();
            assertThat(memos.awaitingReview(actor)).as(actor.username()).isEqualTo(expected.size());
            assertThat(ids(memos.list(actor, null, null, null, null, true, MemoQueries.LATEST, 0, Page.MAX_SIZE)))
                    .as(actor.username()).isEqualTo(expected);
        }
        // bob: of the three authors' memos to him, sent, pending or postponed; and the two of alice's left (100, 101)
        assertThat(memos.awaitingReview(Actor.of("bob", Role.OPERATOR))).isEqualTo(3 * 2 + 2);
    }

    @Test
    void listsShowEachActorWhatTheRuleLetsThemSee() {
        assertThat(ALL).hasSize(3 * 4 * 4 + 3);
        for (Actor actor : ACTORS) {
            Page<MemoView> page = memos.list(actor, null, null, 0, Page.MAX_SIZE);
            assertThat(ids(page)).as(actor.username()).isEqualTo(visibleByTheRule(actor));
            assertThat(page.total()).as(actor.username()).isEqualTo(visibleByTheRule(actor).size());
            for (MemoView memo : ALL) {
                assertThat(memos.findVisible(memo.id(), actor).isPresent()).as(actor.username() + " memo " + memo.id())
                        .isEqualTo(visibleByTheRule(actor).contains(memo.id()));
            }
        }
    }

    @Test
    void draftsAreTheirAuthorsAlone() {
        Set<Long> drafts = Set.copyOf(ALL.stream().filter(MemoView::draft).map(MemoView::id).toList());
        assertThat(drafts).hasSize(12);
        for (Actor actor : ACTORS) {
            List<Long> seen = ids(memos.list(actor, null, null, 0, Page.MAX_SIZE));
            List<Long> ownDrafts = ALL.stream().filter(m -> m.draft() && m.owner().equals(actor.username()))
                    .map(MemoView::id).toList();
            assertThat(seen.stream().filter(drafts::contains).toList()).as(actor.username())
                    .containsExactlyInAnyOrderElementsOf(ownDrafts);
        }
        // an admin reaches all sent memos but no one's drafts
        assertThat(ids(memos.list(Actor.of("admin", Role.ADMIN), null, null, 0, Page.MAX_SIZE))).hasSize(3 * 4 * 3 + 2);
        // carol, a co-worker: her own 16, and the sent ones to her by others (2 authors × 3 stages)
        assertThat(memos.list(Actor.of("carol"), null, null, 0, Page.MAX_SIZE).total()).isEqualTo(16 + 6);
    }

    @Test
    void deletedMemosAreFoundButNeverShown() {
        MemoView deleted = memos.find(102).orElseThrow();
        assertThat(deleted.deleted()).isTrue();
        assertThat(memos.findVisible(102, Actor.of("alice"))).isEmpty();
        assertThat(memos.findVisible(102, Actor.of("admin", Role.ADMIN))).isEmpty();
        assertThat(memos.find(9999)).isEmpty();
        assertThat(memos.findVisible(9999, Actor.of("admin", Role.ADMIN))).isEmpty();
    }

    @Test
    void textSearchLooksInTitleAndDescriptionWhateverTheCase() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        assertThat(ids(memos.list(admin, "report", null, 0, 50))).containsExactly(101L, 100L);
        assertThat(ids(memos.list(admin, "  REPORT  ", null, 0, 50))).containsExactly(101L, 100L);
        // carol's sent memos (4 recipients × 3 stages); her drafts are hers alone
        assertThat(ids(memos.list(admin, "about carol", null, 0, 200))).hasSize(12);
        // the user's % and _ are plain characters
        assertThat(ids(memos.list(admin, "100%", null, 0, 50))).containsExactly(100L);
        assertThat(ids(memos.list(admin, "%", null, 0, 50))).containsExactly(100L);
        assertThat(ids(memos.list(admin, "e_n", null, 0, 50))).containsExactly(100L);
        assertThat(ids(memos.list(admin, "nothing like it", null, 0, 50))).isEmpty();
        // blank text is no filter
        assertThat(memos.list(admin, " ", null, 0, 50).total()).isEqualTo(memos.list(admin, null, null, 0, 50).total());
        // what the actor may not see is not found by searching either
        assertThat(ids(memos.list(Actor.of("carol"), "report", null, 0, 50))).isEmpty();
    }

    /** The memos the actor may see whose title or description holds the text, whatever the case (Java's rule). */
    static List<Long> foundByTheRule(Actor actor, String text) {
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        return ALL.stream().filter(m -> !m.deleted() && m.access().canView(actor))
                .filter(m -> m.title().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || (m.description() != null && m.description().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .sorted(Comparator.comparing(MemoView::updatedAt).thenComparing(MemoView::id).reversed())
                .map(MemoView::id).toList();
    }

    static final List<String> SEARCHES = List.of("report", "REPORT", " Report ", "port is", "100%", "%", "e_n", "_",
            "\\", "one_n", "memo 1", "about carol", "ab", "r", "Quarterly REPORT", "nothing like it");

    @Test
    void textSearchThroughTheTrigramIndexesFindsWhatTheRuleFinds() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        Actor carol = Actor.of("carol");
        // the planner would read so small a table from end to end: make it take the trigram indexes
        db.jdbc.execute("SET enable_seqscan = off");
        db.jdbc.execute("SET enable_indexscan = off");
        try {
            String plan = String.join("\n", db.named.queryForList("EXPLAIN SELECT * FROM memo_view WHERE "
                    + MemoQueries.VISIBLE_TO_ALL + MemoQueries.TEXT + " ORDER BY "
                    + MemoQueries.LATEST.orderBy(MemoQueries.SORTS, "") + " LIMIT 50",
                    new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("me", "admin")
                            .addValue("pattern", dev.crm.query.Sql.containsPattern("report")), String.class));
            assertThat(plan).contains("memo_view_title_trgm").contains("memo_view_description_trgm");
            for (String text : SEARCHES) {
                assertThat(ids(memos.list(admin, text, null, 0, 200))).as(text).isEqualTo(foundByTheRule(admin, text));
                assertThat(ids(memos.list(carol, text, null, 0, 200))).as(text).isEqualTo(foundByTheRule(carol, text));
            }
        } finally {
            db.jdbc.execute("RESET enable_seqscan");
            db.jdbc.execute("RESET enable_indexscan");
        }
        // and the same rows when the planner reads the table
        for (String text : SEARCHES) {
            assertThat(ids(memos.list(admin, text, null, 0, 200))).as(text).isEqualTo(foundByTheRule(admin, text));
        }
        assertThat(foundByTheRule(admin, "report")).containsExactly(101L, 100L);
        assertThat(foundByTheRule(admin, "%")).containsExactly(100L);
    }

    @Test
    void theTotalIsCountedOnlyUpToTheBound() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        Actor carol = Actor.of("carol");
        int all = visibleByTheRule(admin).size();
        int carols = visibleByTheRule(carol).size();
        assertThat(all).isEqualTo(38);
        assertThat(carols).isEqualTo(22);
        MemoQueries bounded = new MemoQueries(db.named, db.writes, new Paging(db.named, 25));

        // more than the bound: "more than 25", and the pages go on
        Page<MemoView> first = bounded.list(admin, null, null, 0, 10);
        assertThat(ids(first)).isEqualTo(visibleByTheRule(admin).subList(0, 10));
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.totalExact()).isFalse();
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        // up to the bound: exact
        Page<MemoView> carolsFirst = bounded.list(carol, null, null, 0, 10);
        assertThat(carolsFirst.total()).isEqualTo(carols);
        assertThat(carolsFirst.totalExact()).isTrue();
        assertThat(new MemoQueries(db.named, db.writes, new Paging(db.named, carols)).list(carol, null, null, 0, 10))
                .returns((long) carols, Page::total).returns(true, Page::totalExact);
        assertThat(new MemoQueries(db.named, db.writes, new Paging(db.named, carols - 1)).list(carol, null, null, 0, 10))
                .returns((long) carols - 1, Page::total).returns(false, Page::totalExact);
        // the bound reaches past the page asked for: a later page is never short of its own rows
        Page<MemoView> third = bounded.list(admin, null, null, 2, 10);
        assertThat(ids(third)).isEqualTo(visibleByTheRule(admin).subList(20, 30));
        assertThat(third.total()).isEqualTo(30);
        assertThat(third.totalExact()).isFalse();
        assertThat(third.hasNext()).isTrue();
        // the last page, not full, ends the list: exact, and no next page
        Page<MemoView> last = bounded.list(admin, null, null, 3, 10);
        assertThat(ids(last)).isEqualTo(visibleByTheRule(admin).subList(30, all));
        assertThat(last.total()).isEqualTo(all);
        assertThat(last.totalExact()).isTrue();
        assertThat(last.hasNext()).isFalse();
        // past the end: counted, exact
        Page<MemoView> past = bounded.list(admin, null, null, 9, 10);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(all);
        assertThat(past.totalExact()).isTrue();
        // filters are counted the same way
        Page<MemoView> sent = new MemoQueries(db.named, db.writes, new Paging(db.named, 3)).list(admin, "about", null, 0, 2);
        assertThat(sent.total()).isEqualTo(3);
        assertThat(sent.totalExact()).isFalse();
    }

    @Test
    void listsArePlannedForTheirValuesEveryTimeNotPreparedOnTheServer() {
        // the driver prepares a statement on the server after five runs; such statements are in pg_prepared_statements
        String control = "SELECT id FROM memo_view WHERE owner = :me ORDER BY id LIMIT 1";
        for (int i = 0; i < 8; i++) {
            db.named.queryForList(control, new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("me", "alice"),
                    Long.class);
            memos.list(Actor.of("alice"), "memo", null, 0, 2);
            memos.list(Actor.of("admin", Role.ADMIN), null, MemoStage.PENDING, 0, 2);
        }
        List<String> prepared = db.jdbc.queryForList("SELECT statement FROM pg_prepared_statements", String.class);
        assertThat(prepared).anySatisfy(sql -> assertThat(sql).contains("ORDER BY id LIMIT"));
        assertThat(prepared).noneSatisfy(sql -> assertThat(sql).contains("OFFSET"));
        assertThat(prepared).noneSatisfy(sql -> assertThat(sql).contains("counted"));
    }

    @Test
    void theStageFilterKeepsOneStage() {
        Actor chief = Actor.of("chief", Role.CHIEF);
        for (MemoStage stage : MemoStage.values()) {
            List<Long> expected = ALL.stream().filter(m -> !m.deleted() && m.access().canView(chief)
                    && m.stage() == stage).map(MemoView::id).sorted().toList();
            assertThat(ids(memos.list(chief, null, stage, 0, 200)).stream().sorted().toList()).as(stage.name())
                    .isEqualTo(expected).isNotEmpty();
        }
        assertThat(ids(memos.list(chief, "report", MemoStage.REVIEWED, 0, 50))).isEmpty();
    }

    @Test
    void theDepartmentFilterKeepsTheGivenDepartments() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        List<Long> all = ids(memos.list(admin, null, null, null, 0, 200));
        List<Long> sales = ids(memos.list(admin, null, null, List.of(7L), 0, 200));
        List<Long> both = ids(memos.list(admin, null, null, List.of(7L, 8L), 0, 200));
        assertThat(sales).isNotEmpty().allSatisfy(id -> assertThat(memos.find(id).orElseThrow().department()).isEqualTo(7L));
        assertThat(both).hasSizeGreaterThan(sales.size()).hasSizeLessThan(all.size())
                .allSatisfy(id -> assertThat(memos.find(id).orElseThrow().department()).isIn(7L, 8L));
        assertThat(memos.list(admin, null, null, List.of(), 0, 200).items()).isEmpty();
        assertThat(memos.list(admin, null, null, List.of(), 0, 200).total()).isZero();
        assertThat(ids(memos.list(admin, "report", null, List.of(8L), 0, 50))).containsExactly(101L);
    }

    @Test
    void pagesFollowTheNewestChangeFirstThenTheHigherId() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        List<Long> everything = visibleByTheRule(admin);
        assertThat(everything.subList(0, 4)).containsExactly(11L, 10L, 101L, 100L);

        Page<MemoView> second = memos.list(admin, null, null, 1, 10);
        assertThat(ids(second)).isEqualTo(everything.subList(10, 20));
        assertThat(second.total()).isEqualTo(everything.size());
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(10);
        assertThat(second.pages()).isEqualTo((everything.size() + 9) / 10);

        Page<MemoView> last = memos.list(admin, null, null, second.pages() - 1, 10);
        assertThat(ids(last)).isEqualTo(everything.subList((second.pages() - 1) * 10, everything.size()));
        assertThat(memos.list(admin, null, null, second.pages(), 10).items()).isEmpty();

        // out-of-range page numbers and sizes are clamped
        Page<MemoView> clamped = memos.list(admin, null, null, -3, 0);
        assertThat(clamped.page()).isZero();
        assertThat(clamped.size()).isEqualTo(1);
        assertThat(ids(clamped)).containsExactly(11L);
        assertThat(memos.list(admin, null, null, 0, 10_000).size()).isEqualTo(Page.MAX_SIZE);
    }

    @Test
    void aListIsSortedByTheColumnAskedForThenTheHigherIdAndNeverByAnythingElse() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        List<String> byTitle = memos.list(admin, null, null, null, Sort.of("title", MemoQueries.SORTS,
                MemoQueries.LATEST), 0, Page.MAX_SIZE).items().stream().map(MemoView::title).toList();
        assertThat(byTitle).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).hasSize(visibleByTheRule(admin).size());
        assertThat(byTitle.get(0)).isEqualTo("Lunch");
        List<String> byTitleDown = memos.list(admin, null, null, null, Sort.of("-title", MemoQueries.SORTS,
                MemoQueries.LATEST), 0, Page.MAX_SIZE).items().stream().map(MemoView::title).toList();
        assertThat(byTitleDown).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());

        // stages in the order of their work, not of their names; ties: the higher ID first
        List<MemoView> byStage = memos.list(admin, null, null, null, Sort.of("stage", MemoQueries.SORTS,
                MemoQueries.LATEST), 0, Page.MAX_SIZE).items();
        assertThat(byStage).extracting(MemoView::stage).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(byStage.stream().filter(m -> m.stage() == MemoStage.PENDING).map(MemoView::id).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // a field the list does not offer (or a made-up one) is the default order, never SQL
        for (String unknown : new String[] {"description", "title; DROP TABLE memo_view", "-", ""}) {
            assertThat(ids(memos.list(admin, null, null, null, Sort.of(unknown, MemoQueries.SORTS, MemoQueries.LATEST),
                    0, 20))).as(unknown).isEqualTo(visibleByTheRule(admin).subList(0, 20));
        }
    }
}
