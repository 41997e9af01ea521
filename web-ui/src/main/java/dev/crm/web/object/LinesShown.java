package dev.crm.web.object;

import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.kind.Lines;
import dev.crm.web.page.Texts;
import dev.crm.web.security.CurrentActor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How history prints the value of a field of several objects ({@code ${@lines.shown(value)}} in
 * {@code fragments/history :: lines}): from its canonical text ({@link Lines}), each object's title when the signed-in
 * user may see it (else "ID 12", as a missing one), with its quantity when the text has one.
 */
@Component("lines")
public class LinesShown {

    /** One object of the value: what to call it, and its quantity (null for a reference without one). */
    public record Shown(String title, Integer quantity) {
    }

    private final ObjectAccess access;
    private final CurrentActor actor;
    private final Texts texts;

    LinesShown(ObjectAccess access, CurrentActor actor, Texts texts) {
        this.access = access;
        this.actor = actor;
        this.texts = texts;
    }

    public List<Shown> shown(String value) {
        boolean quantities = value != null && value.contains(":");
        dev.crm.shared.Actor viewer = actor.get();
        return Lines.decode(value).stream().map(line -> new Shown(access.findVisible(line.id(), viewer)
                .map(ObjectSummary::title).orElseGet(() -> texts.text("object.id", line.id())),
                quantities ? line.quantity() : null)).toList();
    }
}
