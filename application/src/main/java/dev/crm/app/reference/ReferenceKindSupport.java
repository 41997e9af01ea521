package dev.crm.app.reference;

import dev.crm.app.kind.KindSupport;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.reference.ReferenceKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference kinds in the kind model: every signed-in user sees their live objects (deals, requests and products
 * show and pick them; mail accounts, which hold a secret, administrators only), administrators change them, and a
 * deleted one comes back through the restore.
 */
@Configuration
class ReferenceKindSupport {

    @Bean
    KindSupport stageKind(ReferenceQueries queries, ReferenceService service) {
        return new Support(ReferenceKind.STAGE, queries, service);
    }

    @Bean
    KindSupport closingReasonKind(ReferenceQueries queries, ReferenceService service) {
        return new Support(ReferenceKind.CLOSING_REASON, queries, service);
    }

    @Bean
    KindSupport leadSourceKind(ReferenceQueries queries, ReferenceService service) {
        return new Support(ReferenceKind.LEAD_SOURCE, queries, service);
    }

    @Bean
    KindSupport currencyKind(ReferenceQueries queries, ReferenceService service) {
        return new Support(ReferenceKind.CURRENCY, queries, service);
    }

    @Bean
    KindSupport mailAccountKind(ReferenceQueries queries, ReferenceService service) {
        return new Support(ReferenceKind.MAIL_ACCOUNT, queries, service);
    }

    private record Support(ReferenceKind reference, ReferenceQueries queries, ReferenceService service)
            implements KindSupport {

        @Override
        public Kind kind() {
            return reference.kind();
        }

        @Override
        public boolean mayView(Actor actor, long id) {
            return (actor.isAdmin() || !reference.adminsOnly()) && queries.find(reference, id).isPresent();
        }

        @Override
        public boolean restorable() {
            return true;
        }

        @Override
        public boolean restore(Actor actor, long id) {
            service.restore(actor, reference, id);
            return true;
        }
    }
}
