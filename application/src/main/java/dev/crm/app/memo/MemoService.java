package dev.crm.app.memo;

import dev.crm.shared.memo.MemoKind;

import dev.crm.command.Rejected;
import dev.crm.command.memo.MemoCommands.ChangeMemo;
import dev.crm.command.memo.MemoCommands.CreateMemo;
import dev.crm.command.memo.MemoCommands.DeleteMemo;
import dev.crm.command.memo.MemoCommands.PostponeMemo;
import dev.crm.command.memo.MemoCommands.ReviewMemo;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.memo.MemoStage;
import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.object.DeletionPreview;
import dev.crm.command.file.FileCommands.DetachFile;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * What the API and the pages do with memos: send the command, then read the memo back. The read model
 * is updated in the command's transaction, so what is read back is what the command made.
 */
@Service
public class MemoService {

    private final CommandSender commands;
    private final ObjectIds ids;
    private final MemoQueries memos;
    private final ObjectIndex objects;

    private final FileQueries files;
    private final TransactionTemplate tx;

    private final ObjectAccess access;

    MemoService(CommandSender commands, ObjectIds ids, MemoQueries memos, ObjectIndex objects, FileQueries files,
                PlatformTransactionManager transactions, ObjectAccess access) {
        this.access = access;
        this.commands = commands;
        this.ids = ids;
        this.memos = memos;
        this.objects = objects;
        this.files = files;
        this.tx = new TransactionTemplate(transactions);
    }

    public MemoView create(Actor actor, String title, String description, String to, boolean draft) {
        return create(actor, title, description, to, draft, null);
    }

    /**
     * A memo of a deal ({@code deal}, null: none) is made under the deal's lock, so that it is not put on a deal
     * whose delete is under way (which would leave it behind, live, on a deleted deal).
     */
    public MemoView create(Actor actor, String title, String description, String to, boolean draft, Long deal) {
        long id = ids.next();
        return tx.execute(status -> {
            if (deal != null) {
                objects.lock(deal);
            }
            commands.send(new CreateMemo(id, title, description, to, draft, deal), actor);
            return read(id);
        });
    }

    public MemoView change(Actor actor, long id, Long expectedVersion, String title, String description, String to,
                           Boolean draft) {
        commands.send(new ChangeMemo(id, expectedVersion, title, description, to, draft), actor);
        return read(id);
    }

    /**
     * As above, and {@code deal}: the ID of the deal it becomes a part of, "" for none, null to leave it; a new deal
     * is locked as on create.
     */
    public MemoView change(Actor actor, long id, Long expectedVersion, String title, String description, String to,
                           Boolean draft, String deal) {
        return tx.execute(status -> {
            Long locked = deal == null || deal.isBlank() ? null : parsed(deal);
            if (locked != null) {
                objects.lock(locked);
            }
            commands.send(new ChangeMemo(id, expectedVersion, title, description, to, draft, deal), actor);
            return read(id);
        });
    }

    /** The memos of a deal the actor may see, newest change first, at most {@code max}. */
    public List<MemoView> ofDeal(Actor actor, long deal, int max) {
        return memos.list(actor, null, null, null, deal, MemoQueries.LATEST, 0, max).items();
    }

    public MemoView review(Actor actor, long id, Long expectedVersion, String conclusion) {
        commands.send(new ReviewMemo(id, expectedVersion, conclusion), actor);
        return read(id);
    }

    public MemoView postpone(Actor actor, long id, Long expectedVersion) {
        commands.send(new PostponeMemo(id, expectedVersion), actor);
        return read(id);
    }

    /**
     * Deletes the memo and its file objects in one transaction: all of it, or (a rule refuses, the
     * connection drops) none of it. The files go first, while the memo still allows changes.
     */
    public void delete(Actor actor, long id, Long expectedVersion) {
        delete(actor, id, expectedVersion, null);
    }

    /** As above; {@code expectedObjects} (may be null): how many objects its preview announced. */
    public void delete(Actor actor, long id, Long expectedVersion, Integer expectedObjects) {
        requireMemo(id);
        tx.executeWithoutResult(status -> {
            // no file can be added while the memo is being deleted (adding one takes the same lock)
            objects.lock(id);
            // the memo's own rule answers first, so a refusal gives the memo's reason, not a file's
            memos.find(id).filter(m -> !m.deleted() && m.access().canView(actor) && !m.access().canDelete(actor))
                    .ifPresent(m -> {
                        throw new Rejected.Forbidden(m.stage() == MemoStage.REVIEWED ? "error.memo.reviewed-locked"
                                : "error.memo.delete-forbidden");
                    });
            Cascade cascade = Cascade.of(id);
            List<FileView> parts = files.attachedTo(id);
            DeletionPreview.requireCount(expectedObjects, parts.size() + 1);
            for (FileView file : parts) {
                commands.send(new DetachFile(file.id(), null), actor, cascade.forPart());
            }
            commands.send(new DeleteMemo(id, expectedVersion), actor, cascade.forRoot());
        });
    }

    /**
     * Exactly what deleting the memo removes: the memo first, then its file objects (whoever sees a memo sees
     * its files, so nothing is hidden; the preview is split like every other one all the same).
     */
    public DeletionPreview deletionPreview(Actor actor, long id) {
        MemoView memo = visible(actor, id);
        List<ObjectSummary> deleted = new ArrayList<>();
        deleted.add(objects.find(memo.id()).orElseThrow(() -> new Rejected.NotFound(id)));
        for (FileView file : files.attachedTo(id)) {
            objects.find(file.id()).ifPresent(deleted::add);
        }
        return DeletionPreview.of(deleted, actor, access);
    }

    public MemoView visible(Actor actor, long id) {
        return memos.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }

    /**
     * A memo command must never reach another kind's stream. Commands sent to the aggregate need no check:
     * its repository reads only a memo's events ({@code filterEventsByType}), so another kind's ID is not found.
     */
    private void requireMemo(long id) {
        if (objects.find(id).filter(o -> o.kind().equals(MemoKind.NAME)).isEmpty()) {
            throw new Rejected.NotFound(id);
        }
    }

    /** An ID given as text, or null when it is none (the aggregate then refuses it). */
    private static Long parsed(String id) {
        try {
            return Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private MemoView read(long id) {
        return memos.afterCommand(id)
                .orElseThrow(() -> new IllegalStateException("memo " + id + " missing after its command"));
    }
}
