package dev.crm.app.object;

import dev.crm.query.link.Links;
import dev.crm.shared.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The links of an object that a user may see: its live parts and containers, each checked by {@link ObjectAccess}. */
@Component
public class ObjectLinks {

    public record Linked(long id, String kind, String title, String relation) {
    }

    private final Links links;
    private final ObjectAccess access;

    public ObjectLinks(Links links, ObjectAccess access) {
        this.links = links;
        this.access = access;
    }

    /** The live objects that belong to this one, which the actor may see. */
    public List<Linked> parts(long id, Actor actor) {
        return visible(links.parts(id), actor);
    }

    /** The live objects this one belongs to, which the actor may see. */
    public List<Linked> partOf(long id, Actor actor) {
        return visible(links.partOf(id), actor);
    }

    private List<Linked> visible(List<Links.Link> linked, Actor actor) {
        return linked.stream().map(l -> access.findVisible(l.other(), actor).filter(o -> !o.deleted())
                        .map(o -> new Linked(o.id(), o.kind(), o.title(), l.relation())))
                .flatMap(Optional::stream).toList();
    }
}
