package dev.crm.shared.contact;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a contact. */
public sealed interface ContactEvent extends FieldsEvents.OfKind
        permits ContactCreated, ContactChanged, ContactOwnerChanged, ContactDeleted, ContactRestored,
        ContactMoved, ContactLeadConverted {

    long contactId();

    @Override
    default long objectId() {
        return contactId();
    }

    @Override
    default Kind kind() {
        return ContactKind.KIND;
    }
}
