package dev.crm.app.contact;

import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.kind.KindSupport;
import dev.crm.command.contact.ContactCommands.DeleteContact;
import dev.crm.command.contact.ContactCommands.RestoreContact;
import dev.crm.query.contact.ContactQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Kind;
import java.util.List;
import org.springframework.stereotype.Component;

/** Contacts in the kind model: the matrix decides, on the owner and department they share with their company. */
@Component
class ContactKindSupport implements KindSupport {

    private final ContactQueries contacts;
    private final CommandSender commands;

    ContactKindSupport(ContactQueries contacts, CommandSender commands) {
        this.contacts = contacts;
        this.commands = commands;
    }

    @Override
    public Kind kind() {
        return ContactKind.KIND;
    }

    @Override
    public boolean mayView(Actor actor, long id) {
        return contacts.findVisible(id, actor).isPresent();
    }

    @Override
    public boolean mayChange(Actor actor, long id) {
        return contacts.find(id).map(c -> contacts.allows(c, actor, Action.CHANGE)).orElse(false);
    }

    /** A contact goes with its company. */
    @Override
    public void deleteAsPart(Actor actor, long id, Cascade cascade) {
        commands.send(new DeleteContact(id, null), actor, cascade.forPart());
    }

    @Override
    public List<Found> search(Actor actor, String text, int max) {
        return contacts.list(actor, text, null, null, ContactQueries.LATEST, 0, max).items().stream()
                .map(c -> new Found(c.id(), c.title())).toList();
    }

    @Override
    public boolean restorable() {
        return true;
    }

    @Override
    public boolean restore(Actor actor, long id) {
        commands.send(new RestoreContact(id), actor);
        return true;
    }
}
