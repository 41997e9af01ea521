package dev.crm.web.memo;

import dev.crm.app.object.ObjectAccess;
import dev.crm.shared.Actor;
import dev.crm.shared.deal.DealKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How the memo pages show a memo's deal: a link when the reader may see the deal, else its ID alone. */
@Component
class MemoDealLinks {

    private final ObjectAccess access;

    MemoDealLinks(ObjectAccess access) {
        this.access = access;
    }

    /** The live deal as {@code id} and {@code title}, if the actor may see it; else null. */
    Map<String, Object> visible(Actor actor, long deal) {
        return access.findVisible(deal, actor).filter(o -> !o.deleted() && o.kind().equals(DealKind.NAME))
                .<Map<String, Object>>map(o -> Map.of("id", o.id(), "title", o.title())).orElse(null);
    }
}
