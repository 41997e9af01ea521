package dev.crm.app.lead;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.lead.LeadCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Leads in the kind model: a kind of fields by name; the permission matrix alone decides. */
@Component
class LeadKindSupport extends FieldsKindSupport {

    LeadKindSupport(FieldsQueries objects, CommandSender commands) {
        super(LeadCommands.ALL, objects, commands);
    }
}
