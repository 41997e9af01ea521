package dev.crm.shared.lead;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a lead. */
public sealed interface LeadEvent extends FieldsEvents.OfKind
        permits LeadCreated, LeadChanged, LeadOwnerChanged, LeadConverted, LeadDeleted, LeadRestored {

    long leadId();

    @Override
    default long objectId() {
        return leadId();
    }

    @Override
    default Kind kind() {
        return LeadKind.KIND;
    }
}
