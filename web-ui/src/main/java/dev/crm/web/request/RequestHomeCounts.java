package dev.crm.web.request;

import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.request.RequestKind;
import dev.crm.web.page.HomeCounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The home page's request count: of the requests the user may see (the list's rule), the pending ones, linking to
 * the list so filtered; one query. Nothing for a user who may see no request.
 */
@Component
class RequestHomeCounts implements HomeCounts {

    private final FieldsQueries queries;

    RequestHomeCounts(FieldsQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Block> countsFor(Actor actor) {
        String path = RequestKind.KIND.path();
        return queries.count(RequestKind.KIND, actor,
                        new FieldsQueries.Filter(null, Map.of(RequestKind.PENDING, Boolean.TRUE), null))
                .map(n -> new Block("home-requests-pending", path, "home.requests.pending.heading", List.of(
                        new Count("home-requests-pending-count", "home.requests.pending", n,
                                "/" + path + "?" + RequestKind.PENDING.name() + "=true", false))));
    }
}
