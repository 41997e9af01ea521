package dev.crm.web.page;

import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The kinds in the main menu ({@code @kindMenu.kinds()} in the layout): every kind with pages of its own; and the
 * sections of the home page ({@link #usableBy}): those of them the user may view (the permission matrix).
 */
@Component("kindMenu")
public class KindMenu {

    public List<Kind> kinds() {
        return Kinds.withPages();
    }

    /** The kinds with pages the actor may view some of, in menu order. */
    public List<Kind> usableBy(Actor actor) {
        return kinds().stream().filter(k -> Permissions.allows(actor, k.name(), Permissions.Action.VIEW)).toList();
    }
}
