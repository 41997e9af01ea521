package dev.crm.app.request;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.ReferrersOfDeleted;
import dev.crm.command.request.RequestCommands.ForgetDeletedLead;
import dev.crm.query.request.RequestMatches;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.lead.LeadKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A lead's delete leaves its requests (domain.md: a lead takes only its deals and e-mails): each live request that
 * named it no longer does, a change in the request's history caused by the lead ({@link Causes#CAUSED_BY}), in the
 * delete's transaction. Restoring the lead does not link them again.
 */
@Component
class RequestsOfDeletedLead implements ReferrersOfDeleted {

    private final RequestMatches requests;
    private final CommandSender commands;

    RequestsOfDeletedLead(RequestMatches requests, CommandSender commands) {
        this.requests = requests;
        this.commands = commands;
    }

    @Override
    public Kind kind() {
        return LeadKind.KIND;
    }

    @Override
    public void deleted(Actor actor, long lead) {
        for (long request : requests.ofLead(lead)) {
            commands.send(new ForgetDeletedLead(request, lead), actor, Map.of(Causes.CAUSED_BY, lead));
        }
    }
}
