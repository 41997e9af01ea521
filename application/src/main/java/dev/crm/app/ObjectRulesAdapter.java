package dev.crm.app;

import dev.crm.app.kind.KindModel;
import dev.crm.app.object.ObjectAccess;
import dev.crm.command.ObjectRules;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import org.springframework.stereotype.Component;

/** Answers the command side's questions about other objects from the read models (same transaction). */
@Component
public class ObjectRulesAdapter implements ObjectRules {

    private final ObjectAccess access;
    private final ObjectIndex index;
    private final KindModel kinds;

    ObjectRulesAdapter(ObjectAccess access, ObjectIndex index, KindModel kinds) {
        this.access = access;
        this.index = index;
        this.kinds = kinds;
    }

    @Override
    public boolean canView(Actor actor, long objectId) {
        return access.findVisible(objectId, actor).filter(o -> !o.deleted()).isPresent();
    }

    @Override
    public boolean canChange(Actor actor, long objectId) {
        return access.findVisible(objectId, actor).filter(o -> !o.deleted())
                .map(o -> kinds.of(o.kind()).mayChange(actor, objectId)).orElse(false);
    }

    @Override
    public boolean acceptsFiles(long objectId) {
        return index.find(objectId).flatMap(o -> kinds.named(o.kind())).map(Kind::acceptsFiles).orElse(false);
    }
}
