package dev.crm.query.memo;

import java.util.Map;

import dev.crm.shared.memo.MemoKind;

import dev.crm.query.Sort;

import dev.crm.shared.kind.ObjectFields;


import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.ProjectionWrites;
import dev.crm.query.Sql;
import dev.crm.shared.Actor;
import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoStage;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads memos, showing each actor only the memos {@link MemoAccess#canView} lets them see. */
@Component
public class MemoQueries {

    /**
     * {@link MemoAccess#canView} as SQL, so lists can page and count in the database: for an actor who may view
     * every memo ({@link #VISIBLE_TO_ALL}), and for everyone else. Two texts rather than one with the role as a
     * parameter: a plan made for any value of a parameter (PostgreSQL's generic plan) would have to keep the
     * branch of the other role. A test holds both to the same answers as the rule for every combination of
     * author, recipient, draft and role.
     */
    static final String VISIBLE = """
            deleted = FALSE AND (owner = :me OR (draft = FALSE AND recipient = :me))""";
    /** {@link #VISIBLE} for an actor who may view every memo: all but other people's drafts. */
    static final String VISIBLE_TO_ALL = """
            deleted = FALSE AND (owner = :me OR draft = FALSE)""";
    /** Title or description holds the text ({@code Sql#containsPattern}); PostgreSQL has trigram indexes for both. */
    static final String TEXT = " AND (LOWER(title) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(description, '')) LIKE :pattern ESCAPE '\\')";
    private static final String STAGE = " AND stage = :stage";
    private static final String DEAL = " AND deal = :deal";
    /** Sent to the actor and not reviewed yet. */
    static final String AWAITING_REVIEW = " AND draft = FALSE AND recipient = :me AND stage <> 'REVIEWED'";

    static final RowMapper<MemoView> ROW = (rs, n) -> new MemoView(rs.getLong("id"), rs.getLong("version"),
            rs.getString("title"), rs.getString("description"), rs.getString("recipient"), rs.getBoolean("draft"),
            MemoStage.valueOf(rs.getString(ObjectFields.STAGE.name())), rs.getString("conclusion"), rs.getString("owner"),
            rs.getBoolean("deleted"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
            rs.getObject(ObjectFields.DEPARTMENT.name(), Long.class), rs.getObject(MemoKind.DEAL.name(), Long.class));

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Paging paging;

    @Autowired
    public MemoQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, Paging paging) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.paging = paging;
    }

    /** With the default bound of the lists' counts ({@link Paging#COUNT_LIMIT}). */
    public MemoQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes) {
        this(jdbc, writes, new Paging(jdbc));
    }

    /**
     * The memo as the command just sent on this thread left it: the row its projection wrote, when it was kept
     * ({@link ProjectionWrites#updateKeeping}), else read again.
     */
    public Optional<MemoView> afterCommand(long id) {
        Optional<MemoView> written = writes.taken(MemoProjection.TABLE, id, MemoView.class);
        return written.isPresent() ? written : find(id);
    }

    /** The memo if it exists, is not deleted and the actor may see it. */
    public Optional<MemoView> findVisible(long id, Actor actor) {
        return find(id).filter(m -> !m.deleted() && m.access().canView(actor));
    }

    /** The memo whatever its state; for callers that apply the rules themselves. */
    public Optional<MemoView> find(long id) {
        return jdbc.query("SELECT * FROM memo_view WHERE id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /** The fields a memo list can be sorted by, with their SQL. */
    public static final Map<String, String> SORTS = Map.of(ObjectFields.ID.name(), "id", MemoKind.TITLE.name(),
            "LOWER(title)", ObjectFields.OWNER.name(), "owner", MemoKind.TO.name(), "recipient",
            ObjectFields.STAGE.name(), Sort.inOrder(ObjectFields.STAGE.name(), MemoStage.values()), ObjectFields.DEPARTMENT.name(),
            ObjectFields.DEPARTMENT.name(), ObjectFields.UPDATED_AT.name(), "updated_at");
    /** Newest change first. */
    public static final Sort LATEST = new Sort(ObjectFields.UPDATED_AT.name(), true);

    /** A page of the memos the actor may see, newest change first; {@code text} and {@code stage} may be null. */
    public Page<MemoView> list(Actor actor, String text, MemoStage stage, int page, int size) {
        return list(actor, text, stage, null, page, size);
    }

    /** As above, only memos of these departments when {@code departments} is not null (empty: none). */
    public Page<MemoView> list(Actor actor, String text, MemoStage stage, java.util.Collection<Long> departments,
                               int page, int size) {
        return list(actor, text, stage, departments, LATEST, page, size);
    }

    /** As above, in the given order ({@link #SORTS}). */
    public Page<MemoView> list(Actor actor, String text, MemoStage stage, java.util.Collection<Long> departments,
                               Sort sort, int page, int size) {
        return list(actor, text, stage, departments, null, sort, page, size);
    }

    /** As above, only the memos of this deal when {@code deal} is not null (a deal's page, {@code /memos?deal=}). */
    public Page<MemoView> list(Actor actor, String text, MemoStage stage, java.util.Collection<Long> departments,
                               Long deal, Sort sort, int page, int size) {
        return list(actor, text, stage, departments, deal, false, sort, page, size);
    }

    /**
     * How many memos wait for the actor's review: sent to them and not reviewed yet (pending or postponed), in one
     * query; all are memos the actor may see (a sent memo is its recipient's to see).
     */
    public long awaitingReview(Actor actor) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM memo_view WHERE " + VISIBLE + AWAITING_REVIEW,
                new MapSqlParameterSource("me", actor.username()), Long.class);
        return n == null ? 0 : n;
    }

    /** As above, only those waiting for the actor's review ({@link #awaitingReview}) when {@code awaitingReview}. */
    public Page<MemoView> list(Actor actor, String text, MemoStage stage, java.util.Collection<Long> departments,
                               Long deal, boolean awaitingReview, Sort sort, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("me", actor.username());
        boolean privileged = dev.crm.shared.access.Permissions.allowsAll(actor, MemoAccess.KIND,
                dev.crm.shared.access.Permissions.Action.VIEW);
        StringBuilder where = new StringBuilder(" WHERE ").append(privileged ? VISIBLE_TO_ALL : VISIBLE);
        if (text != null && !text.isBlank()) {
            where.append(TEXT);
            params.addValue("pattern", Sql.containsPattern(text.strip()));
        }
        if (stage != null) {
            where.append(STAGE);
            params.addValue(ObjectFields.STAGE.name(), stage.name());
        }
        if (awaitingReview) {
            where.append(AWAITING_REVIEW);
        }
        if (deal != null) {
            where.append(DEAL);
            params.addValue(MemoKind.DEAL.name(), deal);
        }
        Sql.inDepartments(where, params, ObjectFields.DEPARTMENT.name(), departments);
        return paging.page("*", "memo_view", where, params, sort.orderBy(SORTS, ""), ROW, page, size);
    }
}
