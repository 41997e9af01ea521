package dev.crm.app;

import dev.crm.command.ObjectRules;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.task.TaskQueries;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Answers the command side's questions about other objects from the read models (same transaction). */
@Component
public class ObjectRulesAdapter implements ObjectRules {

    /** The kinds that accept files; tasks, deals and e-mails join as they arrive. */
    static final Set<String> ACCEPT_FILES = Set.of("memo", "task", "project");

    private final ObjectAccess access;
    private final ObjectIndex index;
    private final MemoQueries memos;

    private final TaskQueries tasks;

    ObjectRulesAdapter(ObjectAccess access, ObjectIndex index, MemoQueries memos, TaskQueries tasks) {
        this.access = access;
        this.index = index;
        this.memos = memos;
        this.tasks = tasks;
    }

    @Override
    public boolean canView(Actor actor, long objectId) {
        return access.findVisible(objectId, actor).filter(o -> !o.deleted()).isPresent();
    }

    @Override
    public boolean canChange(Actor actor, long objectId) {
        ObjectSummary object = access.findVisible(objectId, actor).filter(o -> !o.deleted()).orElse(null);
        if (object == null) {
            return false;
        }
        return switch (object.kind()) {
            case "memo" -> memos.find(objectId).map(m -> m.access().canChange(actor)).orElse(false);
            case "task", "project" -> tasks.find(objectId).map(t -> tasks.mayChange(t, actor)).orElse(false);
            default -> actor.isAdmin();
        };
    }

    @Override
    public boolean acceptsFiles(long objectId) {
        return index.find(objectId).map(o -> ACCEPT_FILES.contains(o.kind())).orElse(false);
    }
}
