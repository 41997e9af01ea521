package dev.crm.app.object;

import dev.crm.app.kind.KindModel;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an actor may see an object, whatever its kind: the one gate for {@code ID} lookup, search, links and
 * history. A deleted object is seen by admins only (its history stays theirs to read); a live one by its kind's
 * own rule ({@code KindSupport#mayView}).
 */
@Component
public class ObjectAccess {

    private final ObjectIndex index;
    private final KindModel kinds;

    public ObjectAccess(ObjectIndex index, KindModel kinds) {
        this.index = index;
        this.kinds = kinds;
    }

    public Optional<ObjectSummary> findVisible(long id, Actor actor) {
        return index.find(id).filter(o -> mayView(o, actor));
    }

    /** The first {@code limit} of these objects the actor may see, in their order (none checked beyond them). */
    public java.util.List<ObjectSummary> visible(java.util.List<ObjectSummary> objects, Actor actor, int limit) {
        return objects.stream().filter(o -> mayView(o, actor)).limit(limit).toList();
    }

    private boolean mayView(ObjectSummary object, Actor actor) {
        if (object.deleted()) {
            return actor.isAdmin();
        }
        return kinds.of(object.kind()).mayView(actor, object.id());
    }
}
