package dev.crm.query.memo;

import dev.crm.query.ReadModel;

import dev.crm.shared.memo.MemoKind;

import dev.crm.query.Sql;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.Deletion;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoRestored;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import dev.crm.query.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * Builds {@code memo_view} and the memos' rows of the object index; a memo of a deal is linked to it as a part
 * ({@link Links#PART}: deleted with it, restored only after it), moved when its deal changes. Every update is guarded by the
 * event's version ({@code version < ?}), so an event applied twice, or a replay over an existing table,
 * leaves the same rows. Time is the event's own timestamp.
 */
@Component
@ProcessingGroup(MemoProjection.GROUP)
public class MemoProjection implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }


    public static final String GROUP = "memos";
    static final String TABLE = "memo_view";

    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "id", """
            id, version, title, description, recipient, draft, stage, owner, deleted, created_at, updated_at,
            department, deal""");
    private static final String STAGE = """
            UPDATE memo_view SET stage = ?, conclusion = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String POSTPONE = """
            UPDATE memo_view SET stage = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String RESTORE = """
            UPDATE memo_view SET deleted = FALSE, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String DELETE = """
            UPDATE memo_view SET deleted = TRUE, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    /** The only memo fields a change can name, with their columns; nothing else reaches the SQL. */
    private static final Map<String, String> CHANGEABLE = Map.of(MemoKind.TITLE.name(), "title",
            MemoKind.DESCRIPTION.name(), "description", MemoKind.TO.name(), "recipient", MemoKind.DRAFT.name(), "draft",
            MemoKind.DEAL.name(), Sql.column(MemoKind.DEAL.name()));

    private final ProjectionWrites writes;
    private final ObjectIndex objects;
    private final Links links;

    public MemoProjection(ProjectionWrites writes, ObjectIndex objects, Links links) {
        this.writes = writes;
        this.objects = objects;
        this.links = links;
    }

    @EventHandler
    void on(MemoCreated e, @Timestamp Instant at) {
        writes.insertKeepingIfAbsent(INSERT, MemoQueries.ROW, e.memoId(), 1L, e.title(), e.description(), e.to(),
                e.draft(), MemoStage.PENDING.name(), e.owner(), false, Sql.ts(at), Sql.ts(at), e.department(), e.deal());
        objects.created(e.memoId(), MemoKind.NAME, e.title(), e.owner(), at, e.department());
        if (e.deal() != null) {
            links.link(e.deal(), e.memoId(), Links.PART);
        }
    }

    @EventHandler
    void on(MemoChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        StringBuilder sql = new StringBuilder("UPDATE memo_view SET ");
        List<Object> args = new ArrayList<>();
        String newTitle = null;
        for (FieldChange change : e.changes()) {
            String column = CHANGEABLE.get(change.field());
            if (column == null) {
                throw new IllegalStateException("unknown memo field in a stored event: " + change.field());
            }
            sql.append(column).append(" = ?, ");
            if (MemoKind.DRAFT.is(change.field())) {
                args.add(Boolean.valueOf(change.to()));
            } else if (MemoKind.DEAL.is(change.field())) {
                // a part of its deal: moved with the reference, so that it goes with the deal it is on now
                args.add(change.to() == null ? null : Long.valueOf(change.to()));
                if (change.from() != null) {
                    links.unlink(Long.parseLong(change.from()), e.memoId(), Links.PART);
                }
                if (change.to() != null) {
                    links.link(Long.parseLong(change.to()), e.memoId(), Links.PART);
                }
            } else {
                args.add(change.to());
            }
            if (MemoKind.TITLE.is(change.field())) {
                newTitle = change.to();
            }
        }
        sql.append("version = ?, updated_at = ? WHERE id = ? AND version < ?");
        args.addAll(List.of(version, Sql.ts(at), e.memoId(), version));
        writes.updateKeeping(sql.toString(), MemoQueries.ROW, TABLE, e.memoId(), args.toArray());
        if (newTitle != null) {
            objects.retitled(e.memoId(), newTitle, version, at);
        } else {
            objects.changed(e.memoId(), version, at);
        }
    }

    @EventHandler
    void on(MemoPostponed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(POSTPONE, MemoQueries.ROW, TABLE, e.memoId(), MemoStage.POSTPONED.name(), sequence + 1, Sql.ts(at), e.memoId(), sequence + 1);
        objects.changed(e.memoId(), sequence + 1, at);
    }

    @EventHandler
    void on(MemoReviewed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(STAGE, MemoQueries.ROW, TABLE, e.memoId(), MemoStage.REVIEWED.name(), e.conclusion(), sequence + 1, Sql.ts(at), e.memoId(),
                sequence + 1);
        objects.changed(e.memoId(), sequence + 1, at);
    }

    @EventHandler
    void on(MemoDeleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        writes.updateKeeping(DELETE, MemoQueries.ROW, TABLE, e.memoId(), sequence + 1, Sql.ts(at), e.memoId(), sequence + 1);
        objects.deleted(e.memoId(), by, sequence + 1, at, cascade, deletedWith);
    }

    @EventHandler
    void on(MemoRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(RESTORE, MemoQueries.ROW, TABLE, e.memoId(), sequence + 1, Sql.ts(at), e.memoId(), sequence + 1);
        objects.restored(e.memoId(), sequence + 1, at);
    }
}
