package dev.crm.shared.company;

import dev.crm.shared.ObjectEvent;

/** Everything that can happen to a company. */
public sealed interface CompanyEvent extends ObjectEvent
        permits CompanyCreated, CompanyChanged, CompanyOwnerChanged, CompanyDeleted, CompanyRestored {

    long companyId();

    @Override
    default long objectId() {
        return companyId();
    }
}
