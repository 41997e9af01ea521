package dev.crm.shared.deal;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The deal was closed for a closing reason (its ID), at {@code closedAt}; a success reason's move to the success
 * stage is a {@link DealStageChanged} of its own, just before. {@code closedAt} is an ISO-8601 instant
 * ({@code 2026-12-01T10:15:30Z}).
 */
public record DealClosed(long dealId, long closingReason, String closedAt) implements DealEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of(DealKind.CLOSING_REASON.set(closingReason), DealKind.CLOSED_AT.set(closedAt));
    }
}
