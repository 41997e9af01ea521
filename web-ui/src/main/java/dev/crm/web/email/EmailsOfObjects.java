package dev.crm.web.email;

import dev.crm.app.fields.FieldsService;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.web.fields.PartsListed;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page of a deal, request, contact, company or lead lists the e-mails written from it that the reader may see,
 * and offers "Write e-mail" (the compose form with that object given): one {@link PartsListed} per link.
 */
@Configuration
class EmailsOfObjects {

    @Bean
    PartsListed emailsOfDeals(FieldsService service) {
        return new Listed(EmailKind.DEAL, service);
    }

    @Bean
    PartsListed emailsOfRequests(FieldsService service) {
        return new Listed(EmailKind.REQUEST, service);
    }

    @Bean
    PartsListed emailsOfContacts(FieldsService service) {
        return new Listed(EmailKind.CONTACT, service);
    }

    @Bean
    PartsListed emailsOfCompanies(FieldsService service) {
        return new Listed(EmailKind.COMPANY, service);
    }

    @Bean
    PartsListed emailsOfLeads(FieldsService service) {
        return new Listed(EmailKind.LEAD, service);
    }

    /** The e-mails written from an object of the kind {@code link} is named after. */
    private record Listed(Field reference, FieldsService service) implements PartsListed {

        @Override
        public Kind kind() {
            return EmailKind.KIND;
        }

        @Override
        public boolean mayAdd(Actor actor) {
            return Permissions.allows(actor, EmailKind.NAME, Action.ADD);
        }

        @Override
        public List<?> visible(Actor actor, long container, int max) {
            return service.list(EmailKind.KIND, actor, new FieldsQueries.Filter(null,
                    Map.of(reference, container), null), FieldsQueries.LATEST, 0, max).items().stream()
                    .map(Listed::brief).toList();
        }

        /** What its line shows: its ID, subject, status and recipients. */
        private static Map<String, Object> brief(FieldsView email) {
            Map<String, Object> brief = new java.util.HashMap<>();
            brief.put("id", email.id());
            brief.put("title", email.title());
            brief.put(EmailKind.STATUS.name(), email.get(EmailKind.STATUS));
            brief.put(EmailKind.TO.name(), email.get(EmailKind.TO));
            return brief;
        }
    }
}
