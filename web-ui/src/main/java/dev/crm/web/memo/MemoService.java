package dev.crm.web.memo;

import dev.crm.command.Rejected;
import dev.crm.command.memo.MemoCommands.ChangeMemo;
import dev.crm.command.memo.MemoCommands.CreateMemo;
import dev.crm.command.memo.MemoCommands.DeleteMemo;
import dev.crm.command.memo.MemoCommands.PostponeMemo;
import dev.crm.command.memo.MemoCommands.ReviewMemo;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.web.config.CommandSender;
import dev.crm.web.config.ObjectIds;
import java.util.List;
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

    MemoService(CommandSender commands, ObjectIds ids, MemoQueries memos, ObjectIndex objects) {
        this.commands = commands;
        this.ids = ids;
        this.memos = memos;
        this.objects = objects;
    }

    public MemoView create(Actor actor, String title, String description, String to, boolean draft) {
        long id = ids.next();
        commands.send(new CreateMemo(id, title, description, to, draft), actor);
        return read(id);
    }

    public MemoView change(Actor actor, long id, Long expectedVersion, String title, String description, String to,
                           Boolean draft) {
        requireMemo(id);
        commands.send(new ChangeMemo(id, expectedVersion, title, description, to, draft), actor);
        return read(id);
    }

    public MemoView review(Actor actor, long id, Long expectedVersion, String conclusion) {
        requireMemo(id);
        commands.send(new ReviewMemo(id, expectedVersion, conclusion), actor);
        return read(id);
    }

    public MemoView postpone(Actor actor, long id, Long expectedVersion) {
        requireMemo(id);
        commands.send(new PostponeMemo(id, expectedVersion), actor);
        return read(id);
    }

    public void delete(Actor actor, long id, Long expectedVersion) {
        requireMemo(id);
        commands.send(new DeleteMemo(id, expectedVersion), actor);
    }

    /** Exactly what deleting the memo removes, the memo first. Its file objects join here once files exist. */
    public List<ObjectSummary> deletionPreview(Actor actor, long id) {
        MemoView memo = visible(actor, id);
        return List.of(objects.find(memo.id()).orElseThrow(() -> new Rejected.NotFound(id)));
    }

    public MemoView visible(Actor actor, long id) {
        return memos.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }

    /** A memo command must never reach another kind's stream. */
    private void requireMemo(long id) {
        if (objects.find(id).filter(o -> o.kind().equals("memo")).isEmpty()) {
            throw new Rejected.NotFound(id);
        }
    }

    private MemoView read(long id) {
        return memos.find(id).orElseThrow(() -> new IllegalStateException("memo " + id + " missing after its command"));
    }
}
