package dev.crm.app.request;

import dev.crm.app.fields.FieldsService;
import dev.crm.app.CommandSender;
import dev.crm.command.Rejected;
import dev.crm.command.request.RequestAggregate;
import dev.crm.command.request.RequestCommands.LinkRequestDeal;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.request.RequestKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Create deal", the only way a deal is made: in one transaction under the request's lock, when the request names
 * no contact and no lead, a lead is made from it (a contact in its company, when a company matched); then the deal
 * (named after the subject, with the request's contact, company and lead, its products as lines of one; its stage
 * the deal kind's default); then the
 * request names the deal and is no longer pending. What it makes has the request as the cause of its creation
 * ({@link Causes#CAUSED_BY}), so each history shows the step. Duplicates, cases and requests that have a deal: 409,
 * nothing made.
 */
@Service
public class RequestDeals {

    private final FieldsService objects;
    private final CommandSender commands;
    private final ObjectIndex index;
    private final TransactionTemplate tx;

    RequestDeals(FieldsService objects, CommandSender commands, ObjectIndex index,
                 PlatformTransactionManager transactions) {
        this.objects = objects;
        this.commands = commands;
        this.index = index;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Makes the deal (see the class comment): 404, 403 (may not change the request), 409. */
    public FieldsView createDeal(Actor actor, long id) {
        checked(actor, id);
        return tx.execute(status -> {
            index.lock(id);
            FieldsView request = checked(actor, id);
            Map<String, Object> cause = Map.of(Causes.CAUSED_BY, id);
            Long contact = request.reference(RequestKind.CONTACT);
            Long lead = request.reference(RequestKind.LEAD);
            Long company = request.reference(RequestKind.COMPANY);
            Long newContact = null;
            Long newLead = null;
            if (contact == null && lead == null) {
                if (company != null) {
                    newContact = objects.create(ContactKind.KIND, actor, contactFields(request, company), cause).id();
                    contact = newContact;
                } else {
                    newLead = objects.create(LeadKind.KIND, actor, leadFields(request), cause).id();
                    lead = newLead;
                }
            }
            Map<String, Object> deal = new LinkedHashMap<>();
            deal.put(DealKind.DEAL_NAME.name(), request.get(RequestKind.SUBJECT));
            deal.put(DealKind.REQUEST.name(), id);
            put(deal, DealKind.CONTACT, contact);
            put(deal, DealKind.COMPANY, company);
            put(deal, DealKind.LEAD, lead);
            // the request's products, each a line of one
            java.util.List<Map<String, Object>> lines = dev.crm.shared.kind.Lines.decode(request.get(
                    RequestKind.PRODUCTS)).stream().map(l -> Map.<String, Object>of(
                    DealKind.PRODUCTS.refers().name(), l.id(), "quantity", 1)).toList();
            if (!lines.isEmpty()) {
                deal.put(DealKind.PRODUCTS.name(), lines);
            }
            FieldsView made = objects.create(DealKind.KIND, actor, deal, cause);
            commands.send(new LinkRequestDeal(id, made.id(), newContact, newLead), actor);
            return made;
        });
    }

    /** The live request, if the actor may make its deal: 404, 403, 409 (a duplicate, a case, or it has its deal). */
    private FieldsView checked(Actor actor, long id) {
        FieldsView request = objects.allowed(RequestKind.KIND, actor, id, Action.CHANGE);
        RequestAggregate.requireCanMakeADeal(id, request.fields());
        if (request.reference(RequestKind.CONTACT) == null && request.reference(RequestKind.LEAD) == null
                && !Permissions.allows(actor, request.reference(RequestKind.COMPANY) != null ? ContactKind.NAME
                : LeadKind.NAME, Action.ADD)) {
            throw new Rejected.Forbidden("error.request.deal-forbidden");
        }
        return request;
    }

    /** A new lead from the request: its names (its e-mail or subject as the last name when it has none), company name, e-mail, phone, website, country, source, description. */
    private static Map<String, Object> leadFields(FieldsView request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        copy(request, RequestKind.FIRST_NAME, fields, LeadKind.FIRST_NAME);
        copy(request, RequestKind.LAST_NAME, fields, LeadKind.LAST_NAME);
        copy(request, RequestKind.COMPANY_NAME, fields, LeadKind.COMPANY_NAME);
        if (fields.isEmpty()) {
            String email = request.get(RequestKind.EMAIL);
            fields.put(LeadKind.LAST_NAME.name(), email != null ? email : request.get(RequestKind.SUBJECT));
        }
        copy(request, RequestKind.EMAIL, fields, LeadKind.EMAIL);
        copy(request, RequestKind.PHONE, fields, LeadKind.PHONE);
        copy(request, RequestKind.WEBSITE, fields, LeadKind.WEBSITE);
        copy(request, RequestKind.COUNTRY, fields, LeadKind.COUNTRY);
        copy(request, RequestKind.SOURCE, fields, LeadKind.SOURCE);
        copy(request, RequestKind.DESCRIPTION, fields, LeadKind.DESCRIPTION);
        return fields;
    }

    /** A new contact of the matched company: the request's names (its e-mail or subject when it has none), e-mail, phone, country. */
    private static Map<String, Object> contactFields(FieldsView request, long company) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ContactKind.COMPANY.name(), company);
        copy(request, RequestKind.FIRST_NAME, fields, ContactKind.FIRST_NAME);
        copy(request, RequestKind.LAST_NAME, fields, ContactKind.LAST_NAME);
        if (fields.size() == 1) {
            String email = request.get(RequestKind.EMAIL);
            fields.put(ContactKind.LAST_NAME.name(), email != null ? email : request.get(RequestKind.SUBJECT));
        }
        copy(request, RequestKind.EMAIL, fields, ContactKind.EMAIL);
        copy(request, RequestKind.PHONE, fields, ContactKind.PHONE);
        copy(request, RequestKind.COUNTRY, fields, ContactKind.COUNTRY);
        return fields;
    }

    private static void copy(FieldsView from, Field field, Map<String, Object> to, Field into) {
        String value = from.get(field);
        if (value != null) {
            to.put(into.name(), field.type() == dev.crm.shared.kind.FieldType.REFERENCE ? Long.valueOf(value) : value);
        }
    }

    private static void put(Map<String, Object> to, Field field, Long value) {
        if (value != null) {
            to.put(field.name(), value);
        }
    }
}
