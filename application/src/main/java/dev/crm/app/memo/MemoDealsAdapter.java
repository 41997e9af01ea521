package dev.crm.app.memo;

import dev.crm.command.memo.MemoDeals;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.deal.DealKind;
import org.springframework.stereotype.Component;

/** Answers the memo aggregate from the deals' read model, which is as current as the store. */
@Component
class MemoDealsAdapter implements MemoDeals {

    private final FieldsQueries objects;

    MemoDealsAdapter(FieldsQueries objects) {
        this.objects = objects;
    }

    @Override
    public boolean visible(long deal, Actor actor) {
        return objects.findVisible(DealKind.KIND, deal, actor).isPresent();
    }
}
