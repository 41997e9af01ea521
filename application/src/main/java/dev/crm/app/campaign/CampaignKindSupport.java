package dev.crm.app.campaign;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.command.campaign.CampaignCommands;
import dev.crm.query.fields.FieldsQueries;
import org.springframework.stereotype.Component;

/** Campaigns in the kind model: a kind of fields by name; the permission matrix alone decides. */
@Component
class CampaignKindSupport extends FieldsKindSupport {

    CampaignKindSupport(FieldsQueries objects, CommandSender commands) {
        super(CampaignCommands.ALL, objects, commands);
    }
}
