package dev.crm.app.memo;

import dev.crm.app.CommandSender;
import dev.crm.app.kind.KindSupport;
import dev.crm.app.Cascade;
import dev.crm.command.memo.MemoCommands.DeleteMemo;
import dev.crm.command.memo.MemoCommands.RestoreMemo;
import dev.crm.query.memo.MemoQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.memo.MemoKind;
import org.springframework.stereotype.Component;

/**
 * Memos in the kind model: {@code MemoAccess} decides who sees and changes one; a memo of a deal is deleted as a part
 * of it (and so restored with it).
 */
@Component
class MemoKindSupport implements KindSupport {

    private final MemoQueries memos;
    private final CommandSender commands;

    MemoKindSupport(MemoQueries memos, CommandSender commands) {
        this.memos = memos;
        this.commands = commands;
    }

    @Override
    public Kind kind() {
        return MemoKind.KIND;
    }

    @Override
    public boolean mayView(Actor actor, long id) {
        return memos.find(id).map(m -> m.access().canView(actor)).orElse(false);
    }

    @Override
    public boolean mayChange(Actor actor, long id) {
        return memos.find(id).map(m -> m.access().canChange(actor)).orElse(false);
    }

    /** A memo of a deal goes with it ({@code MemoKind.DEAL}), whoever may see it: a draft too. */
    @Override
    public void deleteAsPart(Actor actor, long id, Cascade cascade) {
        commands.send(new DeleteMemo(id, null), actor, cascade.forPart());
    }

    @Override
    public java.util.List<Found> search(Actor actor, String text, int max) {
        return memos.list(actor, text, null, 0, max).items().stream().map(m -> new Found(m.id(), m.title())).toList();
    }

    @Override
    public boolean restorable() {
        return true;
    }

    @Override
    public boolean restore(Actor actor, long id) {
        commands.send(new RestoreMemo(id), actor);
        return true;
    }
}
