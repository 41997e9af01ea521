package dev.crm.shared.contact;

import dev.crm.shared.ObjectEvent;

/** Everything that can happen to a contact. */
public sealed interface ContactEvent extends ObjectEvent
        permits ContactCreated, ContactChanged, ContactOwnerChanged, ContactDeleted, ContactRestored {

    long contactId();

    @Override
    default long objectId() {
        return contactId();
    }
}
