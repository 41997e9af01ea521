package dev.crm.web.memo;

import dev.crm.app.memo.MemoService;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.memo.MemoKind;
import dev.crm.web.fields.PartsListed;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A deal's page lists its memos that the reader may see (a draft only to its author) and offers a new one there,
 * which the memo form opens with the deal given.
 */
@Component
class MemosOfDeals implements PartsListed {

    private final MemoService service;

    MemosOfDeals(MemoService service) {
        this.service = service;
    }

    @Override
    public Kind kind() {
        return MemoKind.KIND;
    }

    @Override
    public Field reference() {
        return MemoKind.DEAL;
    }

    @Override
    public boolean mayAdd(Actor actor) {
        return Permissions.allows(actor, MemoKind.NAME, Action.ADD);
    }

    @Override
    public List<?> visible(Actor actor, long container, int max) {
        return service.ofDeal(actor, container, max);
    }
}
