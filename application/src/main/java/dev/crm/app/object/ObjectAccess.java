package dev.crm.app.object;

import dev.crm.query.file.FileQueries;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.shared.Actor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an actor may see an object, whatever its kind: the one gate for {@code ID} lookup, search and
 * history. A deleted object is seen by admins only (its history stays theirs to read); a live one by
 * its kind's own rule. A kind without a rule here is seen by admins only, so a new kind is hidden until
 * its rule is written.
 */
@Component
public class ObjectAccess {

    private final ObjectIndex index;
    private final MemoQueries memos;
    private final FileQueries files;
    private final TaskQueries tasks;

    public ObjectAccess(ObjectIndex index, MemoQueries memos, FileQueries files, TaskQueries tasks) {
        this.index = index;
        this.memos = memos;
        this.files = files;
        this.tasks = tasks;
    }

    public Optional<ObjectSummary> findVisible(long id, Actor actor) {
        return index.find(id).filter(o -> mayView(o, actor));
    }

    private boolean mayView(ObjectSummary object, Actor actor) {
        if (object.deleted()) {
            return actor.isAdmin();
        }
        return switch (object.kind()) {
            case "memo" -> memos.find(object.id()).map(MemoView::access).map(a -> a.canView(actor)).orElse(false);
            case "task", "project" -> tasks.find(object.id()).map(t -> tasks.mayView(t, actor)).orElse(false);
            // a file is seen by whoever may see the object it is attached to
            case "file" -> files.find(object.id()).map(f -> findVisible(f.attachedTo(), actor).isPresent())
                    .orElse(false);
            default -> actor.isAdmin();
        };
    }
}
