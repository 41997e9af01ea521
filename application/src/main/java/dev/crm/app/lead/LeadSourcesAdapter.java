package dev.crm.app.lead;

import dev.crm.command.LeadSources;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.reference.ReferenceKind;
import org.springframework.stereotype.Component;

/** Answers the lead aggregate from the reference data's read model, which is as current as the store. */
@Component
class LeadSourcesAdapter implements LeadSources {

    private final ReferenceQueries references;

    LeadSourcesAdapter(ReferenceQueries references) {
        this.references = references;
    }

    @Override
    public boolean exists(long source) {
        return references.exists(ReferenceKind.LEAD_SOURCE, source);
    }
}
