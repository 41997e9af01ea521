package dev.crm.web.email;

import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailStatus;
import dev.crm.web.page.HomeCounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The home page's e-mail counts: of the e-mails the user may see (the lists' rule), those not sent yet (queued) and
 * the failed ones, each linking to that tab of the outbox; one query on the read model.
 */
@Component
class EmailHomeCounts implements HomeCounts {

    static final List<EmailStatus> COUNTED = List.of(EmailStatus.QUEUED, EmailStatus.FAILED);

    private final FieldsQueries queries;

    EmailHomeCounts(FieldsQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Block> countsFor(Actor actor) {
        Optional<Map<String, Long>> counts = queries.countBy(EmailKind.KIND, actor, EmailKind.STATUS,
                COUNTED.stream().map(EmailStatus::apiName).toList());
        return counts.map(c -> new Block("home-emails", EmailKind.KIND.path(), "home.emails", COUNTED.stream()
                .map(s -> new Count("home-emails-" + s.apiName(), "home.emails." + s.apiName(), c.get(s.apiName()),
                        "/" + EmailKind.KIND.path() + "?status=" + s.apiName(),
                        s == EmailStatus.FAILED && c.get(s.apiName()) > 0))
                .toList()));
    }
}
