package dev.crm.shared.deal;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a deal. */
public sealed interface DealEvent extends FieldsEvents.OfKind
        permits DealCreated, DealChanged, DealStageChanged, DealClosed, DealOwnerChanged, DealDeleted, DealRestored {

    long dealId();

    @Override
    default long objectId() {
        return dealId();
    }

    @Override
    default Kind kind() {
        return DealKind.KIND;
    }
}
