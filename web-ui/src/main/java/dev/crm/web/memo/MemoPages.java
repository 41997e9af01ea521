package dev.crm.web.memo;

import dev.crm.app.memo.MemoService;
import dev.crm.app.object.DeletionPreview;
import dev.crm.command.Rejected;
import dev.crm.query.memo.MemoView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.memo.MemoStage;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.object.KindPages;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.stereotype.Component;

/** The memo kind's part of the shared object pages: its declaration and its use cases. */
@Component
class MemoPages implements KindPages {

    /** The memo list: who wrote it to whom, its stage and department, newest change first. */
    static final ListPage LIST = new ListPage(MemoKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(MemoKind.TITLE), Column.of(ObjectFields.OWNER).labelled("memo.field.from"),
            Column.of(MemoKind.TO), Column.of(ObjectFields.STAGE), Column.of(ObjectFields.DEPARTMENT),
            Column.of(ObjectFields.UPDATED_AT)));

    private final MemoService service;

    MemoPages(MemoService service) {
        this.service = service;
    }

    @Override
    public Kind kind() {
        return MemoKind.KIND;
    }

    @Override
    public ListPage list() {
        return LIST;
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
