package dev.crm.app.email;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.email.EmailCommands;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailStatus;
import org.springframework.stereotype.Component;

/**
 * E-mails in the kind model: a kind of fields by name, a part of the object it is written from (deleted and restored
 * with it); the permission matrix decides, the aggregate adds its own rules (drafts, incoming). Only a draft is
 * changed, so only a draft's attachments are (the file rules ask {@link #mayChange}).
 */
@Component
class EmailKindSupport extends FieldsKindSupport {

    private final FieldsQueries objects;

    EmailKindSupport(FieldsQueries objects, CommandSender commands) {
        super(EmailCommands.ALL, objects, commands);
        this.objects = objects;
    }

    @Override
    public boolean mayChange(Actor actor, long id) {
        return super.mayChange(actor, id) && objects.find(EmailKind.KIND, id)
                .filter(o -> EmailStatus.DRAFT.apiName().equals(o.get(EmailKind.STATUS))).isPresent();
    }
}
