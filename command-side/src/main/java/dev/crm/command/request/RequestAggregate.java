package dev.crm.command.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.VisibleObjects;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.command.LeadSources;
import dev.crm.command.request.RequestCommands.ChangeRequest;
import dev.crm.command.request.RequestCommands.CreateRequest;
import dev.crm.command.request.RequestCommands.DeleteRequest;
import dev.crm.command.request.RequestCommands.FollowConvertedLead;
import dev.crm.command.request.RequestCommands.ForgetDeletedLead;
import dev.crm.command.request.RequestCommands.LinkRequestDeal;
import dev.crm.command.request.RequestCommands.RestoreRequest;
import dev.crm.command.request.RequestCommands.TransferRequest;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.request.RequestChanged;
import dev.crm.shared.request.RequestCreated;
import dev.crm.shared.request.RequestDealCreated;
import dev.crm.shared.request.RequestDeleted;
import dev.crm.shared.request.RequestKind;
import dev.crm.shared.request.RequestMatched;
import dev.crm.shared.request.RequestOwnerChanged;
import dev.crm.shared.request.RequestRestored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A request: the shared rules of a kind of fields by name ({@link FieldsAggregate}), and its own. Its source is a live
 * lead source; its deal is set by "create deal" alone ({@link LinkRequestDeal}), once, and never for a duplicate or a
 * case (409). On create, and on a change of what matching compares ({@link RequestKind#MATCHED_BY}), it is matched
 * ({@link RequestMatching}): a link that is empty is set when exactly one object of its kind matched; several leave it
 * empty. Either way {@code verificationRequired} is set, and {@code subsequent} when its contact or company had
 * requests before; what matching set is a {@link RequestMatched} event of its own, after the create or change.
 */
@Aggregate
public class RequestAggregate extends FieldsAggregate {

    protected RequestAggregate() {
        // for Axon
    }

    @CommandHandler
    public RequestAggregate(CreateRequest cmd, MetaData metaData, UserDirectory users, LeadSources sources,
                            RequestMatching matching, VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = checkedNew(RequestKind.KIND, actor, cmd.fields(), checked -> {
            rules(checked, cmd.fields(), sources);
            Input.referenced(RequestKind.KIND, Map.of(), checked.values(), actor, objects, checked.errors());
        });
        apply(new RequestCreated(cmd.requestId(), values, actor.username(),
                users.homeDepartment(actor.username())));
        List<FieldChange> matched = matched(actor, cmd.requestId(), values, matching);
        if (!matched.isEmpty()) {
            apply(new RequestMatched(cmd.requestId(), matched));
        }
    }

    @CommandHandler
    public long handle(ChangeRequest cmd, MetaData metaData, UserDirectory users, LeadSources sources,
                       RequestMatching matching, VisibleObjects objects) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            rules(checked, cmd.fields(), sources);
            Input.referenced(RequestKind.KIND, fields(), checked.values(), Actor.fromMetaData(metaData), objects,
                    checked.errors());
        });
        if (!changes.isEmpty()) {
            apply(new RequestChanged(id(), changes));
            if (changes.stream().anyMatch(c -> RequestKind.MATCHED_BY.stream().anyMatch(f -> f.is(c.field())))) {
                List<FieldChange> matched = matched(Actor.fromMetaData(metaData), id(), fields(), matching);
                if (!matched.isEmpty()) {
                    apply(new RequestMatched(id(), matched));
                }
            }
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferRequest cmd, MetaData metaData, UserDirectory users) {
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new RequestOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    /** Sent by "create deal", in its transaction, once the deal exists. */
    @CommandHandler
    public long handle(LinkRequestDeal cmd, MetaData metaData, UserDirectory users) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        requireCanMakeADeal(id(), fields());
        apply(new RequestDealCreated(id(), cmd.deal(), cmd.contact(), cmd.lead()));
        return Versions.current();
    }

    /**
     * Sent by its lead's conversion, which checked the right to change the lead: it names the lead's company and
     * contact from now on. Only a live request of that lead, and only as caused by it (404 otherwise).
     */
    @CommandHandler
    public long handle(FollowConvertedLead cmd, MetaData metaData) {
        String lead = Long.toString(cmd.lead());
        if (owner() == null || !lead.equals(fields().get(RequestKind.LEAD.name()))
                || !lead.equals(String.valueOf(metaData.get(Causes.CAUSED_BY)))) {
            throw new Rejected.NotFound(id());
        }
        List<FieldChange> changes = Input.changes(RequestKind.KIND, fields(), Map.of(
                RequestKind.CONTACT.name(), Long.toString(cmd.contact()),
                RequestKind.COMPANY.name(), Long.toString(cmd.company())));
        if (!changes.isEmpty()) {
            apply(new RequestChanged(id(), changes));
        }
        return Versions.current();
    }

    /**
     * Sent by its lead's delete, which checked the right to delete the lead: its lead is cleared (a change in its
     * history caused by the lead). Only a live request of that lead, and only as caused by it (404 otherwise).
     */
    @CommandHandler
    public long handle(ForgetDeletedLead cmd, MetaData metaData) {
        requireCausedBy(metaData, cmd.lead());
        if (!Long.toString(cmd.lead()).equals(fields().get(RequestKind.LEAD.name()))) {
            throw new Rejected.NotFound(id());
        }
        apply(new RequestChanged(id(), List.of(RequestKind.LEAD.change(cmd.lead(), null))));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteRequest cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new RequestDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreRequest cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new RequestRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return RequestKind.KIND;
    }

    /** 409 for a duplicate, a case, or a request that has its deal already. */
    public static void requireCanMakeADeal(long id, Map<String, String> fields) {
        if (fields.get(RequestKind.DEAL.name()) != null) {
            throw new Rejected.WrongState("error.request.deal.exists", id, Long.parseLong(
                    fields.get(RequestKind.DEAL.name())));
        }
        if ("true".equals(fields.get(RequestKind.DUPLICATE.name()))) {
            throw new Rejected.WrongState("error.request.deal.duplicate", id);
        }
        if ("true".equals(fields.get(RequestKind.CASE.name()))) {
            throw new Rejected.WrongState("error.request.deal.case", id);
        }
    }

    /** What matching sets, from the request's values now (see the class comment). */
    static List<FieldChange> matched(Actor actor, long id, Map<String, String> values, RequestMatching matching) {
        RequestMatching.Matches found = matching.match(actor, id, values);
        Map<String, String> now = new HashMap<>(values);
        List<FieldChange> changes = new ArrayList<>();
        boolean verify = link(RequestKind.CONTACT, found.contacts(), now, changes);
        verify |= link(RequestKind.LEAD, found.leads(), now, changes);
        verify |= link(RequestKind.COMPANY, found.companies(), now, changes);
        Long contact = reference(now, RequestKind.CONTACT);
        Long company = reference(now, RequestKind.COMPANY);
        if (!"true".equals(now.get(RequestKind.SUBSEQUENT.name())) && (contact != null || company != null)
                && matching.hasEarlierRequests(id, contact, company)) {
            changes.add(RequestKind.SUBSEQUENT.change(now.get(RequestKind.SUBSEQUENT.name()), "true"));
        }
        if (verify && !"true".equals(now.get(RequestKind.VERIFICATION_REQUIRED.name()))) {
            changes.add(RequestKind.VERIFICATION_REQUIRED.change(
                    now.get(RequestKind.VERIFICATION_REQUIRED.name()), "true"));
        }
        return changes;
    }

    /** Sets an empty link when exactly one matched; whether a user should verify (set, or several matched). */
    private static boolean link(Field field, List<Long> found, Map<String, String> now, List<FieldChange> changes) {
        if (now.get(field.name()) != null || found.isEmpty()) {
            return false;
        }
        if (found.size() == 1) {
            now.put(field.name(), Long.toString(found.get(0)));
            changes.add(field.set(found.get(0)));
        }
        return true;
    }

    private static Long reference(Map<String, String> values, Field field) {
        String value = values.get(field.name());
        return value == null ? null : Long.parseLong(value);
    }

    /** A source given is a live lead source; its deal is not given ("create deal" sets it). */
    private static void rules(Checked checked, Map<String, Object> given, LeadSources sources) {
        if (given.containsKey(RequestKind.DEAL.name())) {
            checked.errors().add(Input.error(RequestKind.DEAL, "validation.request.set-by-deal"));
        }
        String source = checked.values().get(RequestKind.SOURCE.name());
        if (given.containsKey(RequestKind.SOURCE.name()) && source != null
                && checked.errors().stream().noneMatch(e -> RequestKind.SOURCE.is(e.field()))
                && !sources.exists(Long.parseLong(source))) {
            checked.errors().add(Input.error(RequestKind.SOURCE, "validation.request.unknown-source",
                    Long.parseLong(source)));
        }
    }
}
