package dev.crm.app.request;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.request.RequestCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Requests in the kind model: a kind of fields by name; the permission matrix alone decides. */
@Component
class RequestKindSupport extends FieldsKindSupport {

    RequestKindSupport(FieldsQueries objects, CommandSender commands) {
        super(RequestCommands.ALL, objects, commands);
    }
}
