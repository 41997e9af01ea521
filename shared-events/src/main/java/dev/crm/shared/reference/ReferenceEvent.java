package dev.crm.shared.reference;

import dev.crm.shared.FieldChange;
import dev.crm.shared.ObjectEvent;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What can happen to an object of reference data (a stage, a closing reason, a lead source, a currency). Each
 * kind has its own event types, named {@code <Kind><PastTense>} as history shows them ({@code StageCreated},
 * {@code CurrencyChanged}, …), all of one shape: the values are the declared fields' values as text (a flag
 * {@code "true"}, a rate {@code "1.0850"} exactly as given, a department its ID, null for none), keyed by the
 * field's API name, in the order of the declaration. The aggregate and the projection read them by these shapes.
 */
public sealed interface ReferenceEvent extends ObjectEvent
        permits ReferenceEvent.Created, ReferenceEvent.Changed, ReferenceEvent.Deleted, ReferenceEvent.Restored,
        MailAccountStopped, MailAccountResumed {

    /** An administrator (or the first start's seeding) created the object with these values. */
    sealed interface Created extends ReferenceEvent
            permits StageCreated, ClosingReasonCreated, LeadSourceCreated, CurrencyCreated, MailAccountCreated {
        Map<String, String> values();

        @Override
        default List<FieldChange> changes() {
            List<FieldChange> changes = new ArrayList<>();
            values().forEach((field, value) -> {
                if (value != null) {
                    changes.add(FieldChange.set(field, value));
                }
            });
            return changes;
        }
    }

    /** Some fields changed: {@code from} and {@code to} have the same keys, only those that changed. */
    sealed interface Changed extends ReferenceEvent
            permits StageChanged, ClosingReasonChanged, LeadSourceChanged, CurrencyChanged, MailAccountChanged {
        Map<String, String> from();

        Map<String, String> to();

        @Override
        default List<FieldChange> changes() {
            List<FieldChange> changes = new ArrayList<>();
            to().forEach((field, value) -> changes.add(FieldChange.of(field, from().get(field), value)));
            return changes;
        }
    }

    sealed interface Deleted extends ReferenceEvent
            permits StageDeleted, ClosingReasonDeleted, LeadSourceDeleted, CurrencyDeleted, MailAccountDeleted {
        @Override
        default List<FieldChange> changes() {
            return List.of(ObjectFields.DELETED.change(false, true));
        }
    }

    sealed interface Restored extends ReferenceEvent
            permits StageRestored, ClosingReasonRestored, LeadSourceRestored, CurrencyRestored, MailAccountRestored {
        @Override
        default List<FieldChange> changes() {
            return List.of(ObjectFields.DELETED.change(true, false));
        }
    }
}
