package dev.crm.app.contact;

import dev.crm.command.contact.ContactCompanies;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.company.CompanyKind;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the contact aggregate from the companies' read model, which is as current as the store. */
@Component
class ContactCompaniesAdapter implements ContactCompanies {

    private final FieldsQueries objects;

    ContactCompaniesAdapter(FieldsQueries objects) {
        this.objects = objects;
    }

    @Override
    public Optional<Holder> visible(long company, Actor actor) {
        return objects.findVisible(CompanyKind.KIND, company, actor).map(c -> new Holder(c.owner(), c.department()));
    }
}
