package dev.crm.shared.request;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a request. */
public sealed interface RequestEvent extends FieldsEvents.OfKind
        permits RequestCreated, RequestChanged, RequestMatched, RequestDealCreated, RequestOwnerChanged,
        RequestDeleted, RequestRestored {

    long requestId();

    @Override
    default long objectId() {
        return requestId();
    }

    @Override
    default Kind kind() {
        return RequestKind.KIND;
    }
}
