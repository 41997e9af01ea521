package dev.crm.shared.deal;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.time.Instant;
import java.util.List;

/**
 * The deal was closed for a closing reason (its ID), at {@code closedAt}; a success reason's move to the success
 * stage is a {@link DealStageChanged} of its own, just before.
 */
public record DealClosed(long dealId, long closingReason, Instant closedAt) implements DealEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of(DealKind.CLOSING_REASON.set(closingReason), DealKind.CLOSED_AT.set(closedAt.toString()));
    }
}
