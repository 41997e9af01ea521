package dev.crm.app.payment;

import dev.crm.command.payment.PaymentDeals;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.deal.DealKind;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the payment aggregate from the deals' read model, which is as current as the store. */
@Component
class PaymentDealsAdapter implements PaymentDeals {

    private final FieldsQueries objects;

    PaymentDealsAdapter(FieldsQueries objects) {
        this.objects = objects;
    }

    @Override
    public Optional<Holder> visible(long deal, Actor actor) {
        return objects.findVisible(DealKind.KIND, deal, actor)
                .map(d -> new Holder(d.owner(), d.get(DealKind.CO_OWNER), d.department()));
    }

    @Override
    public String coOwner(long deal) {
        return objects.find(DealKind.KIND, deal).map(d -> d.get(DealKind.CO_OWNER)).orElse(null);
    }
}
