package dev.crm.app.deal;

import dev.crm.command.deal.DealParts;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import org.springframework.stereotype.Component;

/**
 * Answers the deal aggregate from the read models of the kinds it is a part of (each reference is named after its
 * kind); a kind not declared (yet) has no objects.
 */
@Component
class DealPartsAdapter implements DealParts {

    private final FieldsQueries objects;

    DealPartsAdapter(FieldsQueries objects) {
        this.objects = objects;
    }

    @Override
    public boolean visible(Field reference, long id, Actor actor) {
        return Kinds.named(reference.name()).filter(Kind::byName)
                .flatMap(kind -> objects.findVisible(kind, id, actor)).isPresent();
    }
}
