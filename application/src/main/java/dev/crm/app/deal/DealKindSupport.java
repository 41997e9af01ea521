package dev.crm.app.deal;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.deal.DealCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Deals in the kind model: a kind of fields by name; the permission matrix (with the co-owner) decides. */
@Component
class DealKindSupport extends FieldsKindSupport {

    DealKindSupport(FieldsQueries objects, CommandSender commands) {
        super(DealCommands.ALL, objects, commands);
    }
}
