package dev.crm.shared.deal;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The deal moved from one stage (null: none) to another: a step of its stage timeline. */
public record DealStageChanged(long dealId, Long from, long to) implements DealEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of(DealKind.STAGE.change(from, to));
    }
}
