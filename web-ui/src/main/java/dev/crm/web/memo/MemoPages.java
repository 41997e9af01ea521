package dev.crm.web.memo;

import dev.crm.app.memo.MemoService;
import dev.crm.app.object.DeletionPreview;
import dev.crm.command.Rejected;
import dev.crm.query.memo.MemoView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.memo.MemoStage;
import dev.crm.web.object.KindPages;
import org.springframework.stereotype.Component;

/** The memo kind's part of the shared object pages: its declaration and its use cases. */
@Component
class MemoPages implements KindPages {

    private final MemoService service;

    MemoPages(MemoService service) {
        this.service = service;
    }

    @Override
    public Kind kind() {
        return MemoKind.KIND;
    }

    @Override
    public Shown visible(Actor actor, long id) {
        return shown(service.visible(actor, id));
    }

    @Override
    public Shown deletable(Actor actor, long id) {
        MemoView memo = service.visible(actor, id);
        if (!memo.access().canDelete(actor)) {
            throw forbidden(memo, actor, "error.memo.delete-forbidden");
        }
        return shown(memo);
    }

    @Override
    public DeletionPreview deletionPreview(Actor actor, long id) {
        return service.deletionPreview(actor, id);
    }

    @Override
    public void delete(Actor actor, long id, Long version, Integer objects) {
        service.delete(actor, id, version, objects);
    }

    /** Refused: the owner of a reviewed memo is told it is locked, everyone else the given reason. */
    static Rejected.Forbidden forbidden(MemoView memo, Actor actor, String code) {
        if (actor.is(memo.owner()) && memo.stage() == MemoStage.REVIEWED) {
            return new Rejected.Forbidden("error.memo.reviewed-locked");
        }
        return new Rejected.Forbidden(code);
    }

    private static Shown shown(MemoView memo) {
        return new Shown(memo.id(), memo.version(), memo.title());
    }
}
