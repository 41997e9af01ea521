package dev.crm.app.deal;

import dev.crm.app.CommandSender;
import dev.crm.app.lead.ConvertedLeadParts;
import dev.crm.command.deal.DealCommands.FollowConvertedLead;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.deal.DealKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A lead's conversion moves its deals to the company and contact it was converted into: each a change in the deal's
 * history, caused by the lead ({@link Causes#CAUSED_BY}), by the same user, in the conversion's transaction. The deal
 * stays a part of the lead too (its {@code lead} is kept), so the lead's page still lists it.
 */
@Component
class DealsOfConvertedLead implements ConvertedLeadParts {

    private final FieldsQueries deals;
    private final CommandSender commands;

    DealsOfConvertedLead(FieldsQueries deals, CommandSender commands) {
        this.deals = deals;
        this.commands = commands;
    }

    @Override
    public void move(Actor actor, long lead, long company, long contact) {
        for (FieldsView deal : deals.naming(DealKind.KIND, DealKind.LEAD, lead)) {
            commands.send(new FollowConvertedLead(deal.id(), lead, company, contact), actor,
                    Map.of(Causes.CAUSED_BY, lead));
        }
    }
}
