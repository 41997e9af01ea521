package dev.crm.app.fields;

import dev.crm.command.VisibleObjects;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import org.springframework.stereotype.Component;

/**
 * Answers the aggregates from the read model of a kind of fields by name: a live object the actor may see (a missing
 * one and one the actor may not see answer the same); another kind has no such objects.
 */
@Component
class VisibleObjectsAdapter implements VisibleObjects {

    private final FieldsQueries objects;

    VisibleObjectsAdapter(FieldsQueries objects) {
        this.objects = objects;
    }

    @Override
    public boolean visible(Kind kind, long id, Actor actor) {
        return kind.byName() && objects.findVisible(kind, id, actor).isPresent();
    }
}
