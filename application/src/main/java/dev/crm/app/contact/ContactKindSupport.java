package dev.crm.app.contact;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.contact.ContactCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Contacts in the kind model: held by their company, whose owner and department they share. */
@Component
class ContactKindSupport extends FieldsKindSupport {

    ContactKindSupport(FieldsQueries objects, CommandSender commands) {
        super(ContactCommands.ALL, objects, commands);
    }
}
