package dev.crm.app.company;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.company.CompanyCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Companies in the kind model: a kind of fields by name; the permission matrix alone decides. */
@Component
class CompanyKindSupport extends FieldsKindSupport {

    CompanyKindSupport(FieldsQueries objects, CommandSender commands) {
        super(CompanyCommands.ALL, objects, commands);
    }
}
