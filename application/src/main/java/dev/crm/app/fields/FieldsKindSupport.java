package dev.crm.app.fields;

import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.kind.KindSupport;
import dev.crm.command.fields.FieldsCommands;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Kind;
import java.util.List;

/**
 * A kind of fields by name in the kind model: the permission matrix alone decides who sees and changes one, its
 * searched fields find it, admins restore it, and its holder's delete takes it. A kind's support is this class with
 * its commands ({@code new FieldsKindSupport(CompanyCommands.ALL, …)} in a {@code @Component} of its package).
 */
public class FieldsKindSupport implements KindSupport {

    private final FieldsCommands make;
    private final FieldsQueries objects;
    private final CommandSender commands;

    public FieldsKindSupport(FieldsCommands make, FieldsQueries objects, CommandSender commands) {
        this.make = make;
        this.objects = objects;
        this.commands = commands;
    }

    @Override
    public Kind kind() {
        return make.kind();
    }

    /** How its commands are made. */
    public FieldsCommands commands() {
        return make;
    }

    @Override
    public boolean mayView(Actor actor, long id) {
        return objects.findVisible(kind(), id, actor).isPresent();
    }

    @Override
    public boolean mayChange(Actor actor, long id) {
        return objects.find(kind(), id).map(o -> objects.allows(o, actor, Action.CHANGE)).orElse(false);
    }

    @Override
    public void deleteAsPart(Actor actor, long id, Cascade cascade) {
        commands.send(make.delete().of(id, null), actor, cascade.forPart());
    }

    @Override
    public List<Found> search(Actor actor, String text, int max) {
        return objects.first(kind(), actor, FieldsQueries.Filter.of(text, null), FieldsQueries.LATEST, max)
                .stream().map(o -> new Found(o.id(), o.title())).toList();
    }

    @Override
    public boolean restorable() {
        return true;
    }

    @Override
    public boolean restore(Actor actor, long id) {
        commands.send(make.restore().of(id), actor);
        return true;
    }
}
