package dev.crm.app.campaign;

import dev.crm.command.MassmailAccounts;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.reference.ReferenceKind;
import org.springframework.stereotype.Component;

/** Answers the campaign aggregate from the reference data's read model, which is as current as the store. */
@Component
class MassmailAccountsAdapter implements MassmailAccounts {

    private final ReferenceQueries references;

    MassmailAccountsAdapter(ReferenceQueries references) {
        this.references = references;
    }

    @Override
    public boolean isMassmail(long account) {
        return references.find(ReferenceKind.MAIL_ACCOUNT, account)
                .filter(a -> a.flag(ReferenceKind.Fields.MASSMAIL.name())).isPresent();
    }
}
