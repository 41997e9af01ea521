package dev.crm.shared.deal;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a deal were edited (not its stage, which {@link DealStageChanged} moves), each old to new. */
public record DealChanged(long dealId, List<FieldChange> changes) implements DealEvent, FieldsEvents.Changed {

    public DealChanged {
        changes = List.copyOf(changes);
    }
}
