package dev.crm.app.request;

import dev.crm.command.request.RequestMatching;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.request.RequestMatches;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answers the request aggregate from the read models of contacts, leads and companies ({@link RequestMatches}), as
 * current as the store; only what the actor may see is matched, so that a match tells nothing of hidden objects.
 */
@Component
class RequestMatchingAdapter implements RequestMatching {

    private final RequestMatches matches;
    private final FieldsQueries queries;

    RequestMatchingAdapter(RequestMatches matches, FieldsQueries queries) {
        this.matches = matches;
        this.queries = queries;
    }

    @Override
    public Matches match(Actor actor, long request, Map<String, String> values) {
        return new Matches(visible(actor, matches.contacts(values)), visible(actor, matches.leads(values)),
                visible(actor, matches.companies(values)));
    }

    @Override
    public boolean hasEarlierRequests(long request, Long contact, Long company) {
        return matches.hasEarlierRequests(request, contact, company);
    }

    private List<Long> visible(Actor actor, List<FieldsView> found) {
        return found.stream().filter(o -> queries.allows(o, actor, Action.VIEW)).map(FieldsView::id).toList();
    }
}
