package dev.crm.web.fields;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import java.util.List;

/**
 * Objects of a kind with rules of its own that are parts of an object of a kind of fields by name (a deal's memos:
 * {@code MemoKind.DEAL}, a reference {@link Field#partOf()} named after the kind it points to). The page of such an
 * object lists those its reader may see, in a section like the kinds it holds (its {@code held} sections: the
 * messages {@code <kind>.<parts' path>}, {@code .none}, {@code .all}, {@code .new} with their tooltips, and the parts'
 * {@code fragments/<kind> :: brief}), with links to their list ({@code /<path>?<reference>=<id>}) and to a new one
 * there ({@code /<path>/new?<reference>=<id>}). A kind's web package declares one as a bean.
 */
public interface PartsListed {

    /** The kind of the parts. */
    Kind kind();

    /** The reference that makes them parts, named after the kind of the object they are parts of. */
    Field reference();

    /** Whether the actor may add one (the page offers "new" then). */
    boolean mayAdd(Actor actor);

    /** The parts of the object the actor may see (objects with {@code id} and {@code title}), at most {@code max}. */
    List<?> visible(Actor actor, long container, int max);
}
