package dev.crm.app.lead;

import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.fields.FieldsService;
import dev.crm.command.Rejected;
import dev.crm.command.company.CompanyCommands;
import dev.crm.command.company.CompanyCommands.RecordLeadConversion;
import dev.crm.command.contact.ContactCommands;
import dev.crm.command.lead.LeadCommands.ConvertLead;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.lead.CompanyMatches;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.lead.LeadKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Converts a lead, in one step and one transaction under the lead's lock: finds its company among the live ones
 * ({@link CompanyMatches}: by name, or by the e-mail's domain) or makes one from the lead; in a found company, a
 * contact with the lead's e-mail (ignoring case) is its contact, else it makes one; lets every
 * {@link ConvertedLeadParts} move what the lead has (its requests, its deals), and closes the lead
 * ({@code LeadConverted}). The company and contact it makes have the lead as the cause of their creation
 * ({@link Causes#CAUSED_BY}); a found company and a found contact record the conversion ({@code CompanyLeadConverted},
 * {@code ContactLeadConverted}), caused by the lead too; so each history shows the step. Two or more matching companies: refused (409) naming them, nothing written. It needs the
 * right to change the lead and to add companies and contacts.
 */
@Service
public class LeadConversion {

    /**
     * What a conversion would do now: {@code matches} are the companies found (one: it is used; none: {@code
     * newCompany} is made; two or more: refused); {@code contact}: the found company's contact with the lead's
     * e-mail, which it takes (null: {@code newContact} is made).
     */
    public record Preview(FieldsView lead, List<FieldsView> matches, Map<String, Object> newCompany,
                          Map<String, Object> newContact, FieldsView contact) {

        public boolean ambiguous() {
            return matches.size() > 1;
        }
    }

    /**
     * A conversion's result: the company (made by it when {@code companyCreated}) and the contact (made by it when
     * {@code contactCreated}; else the found company's contact with the lead's e-mail).
     */
    public record Converted(long company, long contact, boolean companyCreated, boolean contactCreated) {
    }

    private final FieldsService objects;
    private final FieldsQueries queries;
    private final CompanyMatches companies;
    private final CommandSender commands;
    private final ObjectIds ids;
    private final ObjectIndex index;
    private final ObjectProvider<ConvertedLeadParts> parts;
    private final TransactionTemplate tx;

    LeadConversion(FieldsService objects, FieldsQueries queries, CompanyMatches companies, CommandSender commands, ObjectIds ids,
                   ObjectIndex index, ObjectProvider<ConvertedLeadParts> parts,
                   PlatformTransactionManager transactions) {
        this.objects = objects;
        this.queries = queries;
        this.companies = companies;
        this.commands = commands;
        this.ids = ids;
        this.index = index;
        this.parts = parts;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What converting the lead would do (for the confirmation page); the same checks as the conversion. */
    public Preview preview(Actor actor, long id) {
        FieldsView lead = convertible(actor, id);
        List<FieldsView> matches = companies.of(lead.get(LeadKind.COMPANY_NAME), lead.get(LeadKind.EMAIL));
        FieldsView contact = matches.size() == 1 ? sameEmail(matches.get(0).id(), lead).orElse(null) : null;
        return new Preview(lead, matches, matches.isEmpty() ? companyFields(lead) : null, contactFields(lead, null),
                contact);
    }

    /** Converts the lead ({@code expectedVersion}: its If-Match, or null). */
    public Converted convert(Actor actor, long id, Long expectedVersion) {
        convertible(actor, id);
        return tx.execute(status -> {
            index.lock(id);
            FieldsView lead = convertible(actor, id);
            List<FieldsView> matches = companies.of(lead.get(LeadKind.COMPANY_NAME), lead.get(LeadKind.EMAIL));
            if (matches.size() > 1) {
                throw ambiguous(matches);
            }
            Map<String, Object> cause = Map.of(Causes.CAUSED_BY, id);
            long company;
            if (matches.isEmpty()) {
                company = ids.next();
                commands.send(CompanyCommands.ALL.create().of(company, companyFields(lead)), actor, cause);
            } else {
                company = matches.get(0).id();
            }
            Optional<FieldsView> found = matches.isEmpty() ? Optional.empty() : sameEmail(company, lead);
            long contact = found.map(FieldsView::id).orElseGet(ids::next);
            if (found.isEmpty()) {
                commands.send(ContactCommands.ALL.create().of(contact, contactFields(lead, company)), actor, cause);
            } else {
                commands.send(new ContactCommands.RecordLeadConversion(contact, id), actor, cause);
            }
            if (!matches.isEmpty()) {
                commands.send(new RecordLeadConversion(company, id, contact), actor, cause);
            }
            // its requests, deals and e-mails (each kind's ConvertedLeadParts)
            parts.orderedStream().forEach(p -> p.move(actor, id, company, contact));
            commands.send(new ConvertLead(id, expectedVersion, company, contact), actor);
            return new Converted(company, contact, matches.isEmpty(), found.isEmpty());
        });
    }

    /** The live contact of the found company with the lead's e-mail (ignoring case), if the lead has one. */
    private Optional<FieldsView> sameEmail(long company, FieldsView lead) {
        String email = lead.get(LeadKind.EMAIL);
        return email == null ? Optional.empty() : queries.heldBy(ContactKind.KIND, company).stream()
                .filter(c -> email.equalsIgnoreCase(c.get(ContactKind.EMAIL))).findFirst();
    }

    /** 409 naming the companies that match. */
    public static Rejected.WrongState ambiguous(List<FieldsView> matches) {
        return new Rejected.WrongState("error.lead.convert.ambiguous", matches.size(), matches.stream()
                .map(c -> "ID " + c.id() + " " + c.title()).collect(Collectors.joining(", ")));
    }

    /** The live lead, if the actor may convert it: 404, 403 (no right), 409 (converted, or no person's name). */
    private FieldsView convertible(Actor actor, long id) {
        FieldsView lead = objects.allowed(LeadKind.KIND, actor, id, Action.CHANGE);
        if (!Permissions.allows(actor, CompanyKind.NAME, Action.ADD)
                || !Permissions.allows(actor, ContactKind.NAME, Action.ADD)) {
            throw new Rejected.Forbidden("error.lead.convert-forbidden");
        }
        if (lead.get(LeadKind.CONTACT) != null) {
            throw new Rejected.WrongState("error.lead.converted", id);
        }
        if (lead.get(LeadKind.FIRST_NAME) == null && lead.get(LeadKind.LAST_NAME) == null) {
            throw new Rejected.WrongState("error.lead.convert.no-person", id);
        }
        return lead;
    }

    /** A new company from the lead: its company name (or the person's), website, country, city, e-mail, phone. */
    private static Map<String, Object> companyFields(FieldsView lead) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String name = lead.get(LeadKind.COMPANY_NAME);
        fields.put(CompanyKind.COMPANY_NAME.name(), name != null ? name
                : LeadKind.KIND.title(Map.of(LeadKind.FIRST_NAME.name(), nonNull(lead.get(LeadKind.FIRST_NAME)),
                LeadKind.LAST_NAME.name(), nonNull(lead.get(LeadKind.LAST_NAME)))));
        copy(lead, LeadKind.WEBSITE, fields, CompanyKind.WEBSITE.name());
        copy(lead, LeadKind.COUNTRY, fields, CompanyKind.COUNTRY.name());
        copy(lead, LeadKind.CITY, fields, CompanyKind.CITY.name());
        copy(lead, LeadKind.EMAIL, fields, CompanyKind.EMAIL.name());
        copy(lead, LeadKind.PHONE, fields, CompanyKind.PHONE.name());
        return fields;
    }

    /** The new contact from the lead: names, e-mail, phone, country, city; in {@code company} (null: not yet known). */
    private static Map<String, Object> contactFields(FieldsView lead, Long company) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (company != null) {
            fields.put(ContactKind.COMPANY.name(), company);
        }
        copy(lead, LeadKind.FIRST_NAME, fields, ContactKind.FIRST_NAME.name());
        copy(lead, LeadKind.LAST_NAME, fields, ContactKind.LAST_NAME.name());
        copy(lead, LeadKind.EMAIL, fields, ContactKind.EMAIL.name());
        copy(lead, LeadKind.PHONE, fields, ContactKind.PHONE.name());
        copy(lead, LeadKind.COUNTRY, fields, ContactKind.COUNTRY.name());
        copy(lead, LeadKind.CITY, fields, ContactKind.CITY.name());
        return fields;
    }

    private static void copy(FieldsView lead, dev.crm.shared.kind.Field from, Map<String, Object> to, String name) {
        String value = lead.get(from);
        if (value != null) {
            to.put(name, value);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
