package dev.crm.app.email;

import dev.crm.app.CommandSender;
import dev.crm.app.lead.ConvertedLeadParts;
import dev.crm.command.email.EmailCommands.FollowConvertedLead;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.email.EmailKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A lead's conversion moves its e-mails to the contact it was converted into (an e-mail has one object: the contact,
 * which belongs to the company): each a change in the e-mail's history, caused by the lead ({@link Causes#CAUSED_BY}),
 * by the same user, in the conversion's transaction.
 */
@Component
class EmailsOfConvertedLead implements ConvertedLeadParts {

    private final FieldsQueries emails;
    private final CommandSender commands;

    EmailsOfConvertedLead(FieldsQueries emails, CommandSender commands) {
        this.emails = emails;
        this.commands = commands;
    }

    @Override
    public void move(Actor actor, long lead, long company, long contact) {
        for (FieldsView email : emails.naming(EmailKind.KIND, EmailKind.LEAD, lead)) {
            commands.send(new FollowConvertedLead(email.id(), lead, contact), actor, Map.of(Causes.CAUSED_BY, lead));
        }
    }
}
