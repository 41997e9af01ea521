package dev.crm.app.reference;

import dev.crm.command.Currencies;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.reference.ReferenceKind;
import org.springframework.stereotype.Component;

/** Answers the aggregates with an amount and a currency from the currencies' read model, as current as the store. */
@Component
class CurrenciesAdapter implements Currencies {

    private final ReferenceQueries reference;

    CurrenciesAdapter(ReferenceQueries reference) {
        this.reference = reference;
    }

    @Override
    public boolean known(String code) {
        return reference.has(ReferenceKind.CURRENCY, ReferenceKind.Fields.CODE.name(), code);
    }
}
