package dev.crm.command.request;

import dev.crm.shared.Actor;
import java.util.List;
import java.util.Map;

/**
 * What a request needs to know to be matched: the live contacts, leads and companies the actor may see that match its
 * values (by e-mail, phone, name, company name, website or e-mail domain); the application answers from the read
 * model, which is as current as the store.
 */
public interface RequestMatching {

    /** The matches of a request with these values ({@code request}: its ID, left out of "earlier requests"). */
    Matches match(Actor actor, long request, Map<String, String> values);

    /** Whether other live requests name this contact or company (null: not asked). */
    boolean hasEarlierRequests(long request, Long contact, Long company);

    /** The IDs found, per kind, in ID order. */
    record Matches(List<Long> contacts, List<Long> leads, List<Long> companies) {

        public static final Matches NONE = new Matches(List.of(), List.of(), List.of());
    }
}
