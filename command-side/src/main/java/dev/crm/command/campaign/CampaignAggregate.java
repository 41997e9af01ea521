package dev.crm.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Input;
import dev.crm.command.MassmailAccounts;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.VisibleObjects;
import dev.crm.command.campaign.CampaignCommands.ChangeCampaign;
import dev.crm.command.campaign.CampaignCommands.CreateCampaign;
import dev.crm.command.campaign.CampaignCommands.DeleteCampaign;
import dev.crm.command.campaign.CampaignCommands.RecordTestSend;
import dev.crm.command.campaign.CampaignCommands.RestoreCampaign;
import dev.crm.command.campaign.CampaignCommands.TransferCampaign;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.campaign.CampaignChanged;
import dev.crm.shared.campaign.CampaignCreated;
import dev.crm.shared.campaign.CampaignDeleted;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignOwnerChanged;
import dev.crm.shared.campaign.CampaignRestored;
import dev.crm.shared.campaign.CampaignTestSent;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A campaign: the shared rules of a kind of fields by name ({@link FieldsAggregate}), and its own: its account is a
 * live mail account meant for mass mail ({@link MassmailAccounts}, {@code validation.campaign.account}); its
 * recipients are objects its author may see ({@link Input#referenced}); its status and counts are never given
 * ({@code validation.read-only}). A test send, made by whoever may change it, is recorded ({@link CampaignTestSent}).
 */
@Aggregate
public class CampaignAggregate extends FieldsAggregate {

    protected CampaignAggregate() {
        // for Axon
    }

    @CommandHandler
    public CampaignAggregate(CreateCampaign cmd, MetaData metaData, UserDirectory users, MassmailAccounts accounts,
                             VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = checkedNew(CampaignKind.KIND, actor, cmd.fields(), checked -> {
            rules(cmd.fields(), checked, accounts);
            Input.referenced(CampaignKind.KIND, Map.of(), checked.values(), actor, objects, checked.errors());
        });
        apply(new CampaignCreated(cmd.campaignId(), values, actor.username(),
                users.homeDepartment(actor.username())));
    }

    @CommandHandler
    public long handle(ChangeCampaign cmd, MetaData metaData, UserDirectory users, MassmailAccounts accounts,
                       VisibleObjects objects) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            rules(cmd.fields(), checked, accounts);
            Input.referenced(CampaignKind.KIND, fields(), checked.values(), Actor.fromMetaData(metaData), objects,
                    checked.errors());
        });
        if (!changes.isEmpty()) {
            apply(new CampaignChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferCampaign cmd, MetaData metaData, UserDirectory users) {
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new CampaignOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    /** Sent by the test send once its message is sent: who may change the campaign may test it. */
    @CommandHandler
    public long handle(RecordTestSend cmd, MetaData metaData, UserDirectory users, Clock clock) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        apply(new CampaignTestSent(id(), cmd.to(), clock.instant().toString()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteCampaign cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new CampaignDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreCampaign cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new CampaignRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return CampaignKind.KIND;
    }

    /** Its status and counts are not given; its account, when it has one, is a mass-mail account. */
    private static void rules(Map<String, Object> given, Checked checked, MassmailAccounts accounts) {
        for (Field field : CampaignKind.SET_BY_ACTIONS) {
            if (given.containsKey(field.name())) {
                checked.errors().add(Input.error(field, "validation.read-only"));
            }
        }
        String account = checked.values().get(CampaignKind.ACCOUNT.name());
        if (account != null && checked.errors().stream().noneMatch(e -> CampaignKind.ACCOUNT.is(e.field()))
                && !accounts.isMassmail(Long.parseLong(account))) {
            checked.errors().add(Input.error(CampaignKind.ACCOUNT, "validation.campaign.account"));
        }
    }
}
