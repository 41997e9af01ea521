package dev.crm.command.contact;

import dev.crm.shared.Actor;
import java.util.Optional;

/** What a contact needs to know of companies; the application answers from the companies' read model. */
public interface ContactCompanies {

    /** The company's owner and department. */
    record Holder(String owner, Long department) {
    }

    /** The live company, if the actor may see it. */
    Optional<Holder> visible(long company, Actor actor);
}
