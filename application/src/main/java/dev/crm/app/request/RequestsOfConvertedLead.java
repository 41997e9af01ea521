package dev.crm.app.request;

import dev.crm.app.CommandSender;
import dev.crm.app.lead.ConvertedLeadParts;
import dev.crm.command.request.RequestCommands.FollowConvertedLead;
import dev.crm.query.request.RequestMatches;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A lead's conversion moves its requests to the company and contact it was converted into: each a change in the
 * request's history, caused by the lead ({@link Causes#CAUSED_BY}), in the conversion's transaction.
 */
@Component
class RequestsOfConvertedLead implements ConvertedLeadParts {

    private final RequestMatches requests;
    private final CommandSender commands;

    RequestsOfConvertedLead(RequestMatches requests, CommandSender commands) {
        this.requests = requests;
        this.commands = commands;
    }

    @Override
    public void move(Actor actor, long lead, long company, long contact) {
        for (long request : requests.ofLead(lead)) {
            commands.send(new FollowConvertedLead(request, lead, company, contact), actor,
                    Map.of(Causes.CAUSED_BY, lead));
        }
    }
}
