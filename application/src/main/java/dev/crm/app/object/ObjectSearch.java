package dev.crm.app.object;

import dev.crm.app.kind.KindModel;
import dev.crm.app.kind.KindSupport;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The search bar: {@code ID42} (also {@code id 42}) finds object 42 whatever its kind; other text is searched in
 * every kind that offers a search ({@code KindSupport#search}: memo titles and texts, company names, e-mails and
 * phones, contact names, e-mails and phones), grouped by kind in the order of the kind model. Only what the actor
 * may see is found.
 */
@Service
public class ObjectSearch {

    private static final Pattern ID = Pattern.compile("^\\s*id\\s*(\\d{1,18})\\s*$", Pattern.CASE_INSENSITIVE);
    public static final int MAX_RESULTS = 50;

    private final ObjectAccess access;
    private final KindModel kinds;

    ObjectSearch(ObjectAccess access, KindModel kinds) {
        this.access = access;
        this.kinds = kinds;
    }

    public record Hit(long id, String kind, String title) {
    }

    public static OptionalLong idQuery(String q) {
        if (q == null) {
            return OptionalLong.empty();
        }
        Matcher m = ID.matcher(q);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    public List<Hit> search(Actor actor, String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        OptionalLong id = idQuery(q);
        if (id.isPresent()) {
            Optional<ObjectSummary> object = access.findVisible(id.getAsLong(), actor).filter(o -> !o.deleted());
            return object.map(o -> List.of(new Hit(o.id(), o.kind(), o.title()))).orElse(List.of());
        }
        List<Hit> hits = new java.util.ArrayList<>();
        for (dev.crm.shared.kind.Kind kind : kinds.all()) {
            if (hits.size() >= MAX_RESULTS) {
                break;
            }
            for (KindSupport.Found found : kinds.of(kind.name()).search(actor, q, MAX_RESULTS - hits.size())) {
                hits.add(new Hit(found.id(), kind.name(), found.title()));
            }
        }
        return hits;
    }
}
