package dev.crm.shared.company;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a company. */
public sealed interface CompanyEvent extends FieldsEvents.OfKind
        permits CompanyCreated, CompanyChanged, CompanyOwnerChanged, CompanyDeleted, CompanyRestored,
        CompanyLeadConverted {

    long companyId();

    @Override
    default long objectId() {
        return companyId();
    }

    @Override
    default Kind kind() {
        return CompanyKind.KIND;
    }
}
