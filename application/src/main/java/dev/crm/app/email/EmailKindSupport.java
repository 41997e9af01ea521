package dev.crm.app.email;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.email.EmailCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/**
 * E-mails in the kind model: a kind of fields by name, a part of the object it is written from (deleted and restored
 * with it); the permission matrix decides, the aggregate adds its own rules (drafts, incoming).
 */
@Component
class EmailKindSupport extends FieldsKindSupport {

    EmailKindSupport(FieldsQueries objects, CommandSender commands) {
        super(EmailCommands.ALL, objects, commands);
    }
}
