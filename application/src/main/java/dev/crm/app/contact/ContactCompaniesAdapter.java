package dev.crm.app.contact;

import dev.crm.command.contact.ContactCompanies;
import dev.crm.query.company.CompanyQueries;
import dev.crm.shared.Actor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the contact aggregate from the companies' read model, which is as current as the store. */
@Component
class ContactCompaniesAdapter implements ContactCompanies {

    private final CompanyQueries companies;

    ContactCompaniesAdapter(CompanyQueries companies) {
        this.companies = companies;
    }

    @Override
    public Optional<Holder> visible(long company, Actor actor) {
        return companies.findVisible(company, actor).map(c -> new Holder(c.owner(), c.department()));
    }
}
