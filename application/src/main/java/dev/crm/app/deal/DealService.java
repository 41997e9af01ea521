package dev.crm.app.deal;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsService;
import dev.crm.command.deal.DealCommands.CloseDeal;
import dev.crm.command.payment.PaymentCommands.DeletePayment;
import dev.crm.query.deal.DealStageQueries;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.shared.payment.PaymentStatus;
import dev.crm.shared.reference.ReferenceKind;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deals' own use cases beyond the shared ones ({@link FieldsService}): made (by a request's "create deal"),
 * closed, and their stage timeline. An unsuccessful close removes the deal's payments that were not received, each
 * a delete in the payment's own history caused by the deal ({@link Causes#CAUSED_BY}), in the close's transaction.
 */
@Service
public class DealService {

    private final FieldsService fields;
    private final FieldsQueries queries;
    private final CommandSender commands;
    private final ObjectIndex objects;
    private final ReferenceQueries reference;
    private final DealStageQueries stages;
    private final TransactionTemplate tx;

    DealService(FieldsService fields, FieldsQueries queries, CommandSender commands, ObjectIndex objects,
                ReferenceQueries reference, DealStageQueries stages, PlatformTransactionManager transactions) {
        this.fields = fields;
        this.queries = queries;
        this.commands = commands;
        this.objects = objects;
        this.reference = reference;
        this.stages = stages;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Makes a deal ({@code CreateDeal}): its fields by name, with the request, contact, company or lead it belongs
     * to; the actor owns it. For the request's "create deal", which checks the request's rules first.
     */
    public FieldsView create(Actor actor, Map<String, Object> values) {
        return fields.create(DealKind.KIND, actor, values);
    }

    /**
     * Closes the deal for a closing reason: the reason and the date; a success reason moves it to its department's
     * success stage; an unsuccessful one removes its payments that were not received. One transaction.
     */
    public FieldsView close(Actor actor, long id, Long expectedVersion, Long closingReason) {
        return tx.execute(status -> {
            objects.lock(id);
            commands.send(new CloseDeal(id, expectedVersion, closingReason), actor);
            boolean success = reference.find(ReferenceKind.CLOSING_REASON, closingReason)
                    .map(r -> r.flag(ReferenceKind.Fields.SUCCESS.name())).orElse(true);
            if (!success) {
                for (FieldsView payment : queries.heldBy(PaymentKind.KIND, id)) {
                    if (!PaymentStatus.RECEIVED.apiName().equals(payment.get(PaymentKind.STATUS))) {
                        commands.send(new DeletePayment(payment.id(), null), actor, Map.of(Causes.CAUSED_BY, id));
                    }
                }
            }
            return queries.afterCommand(DealKind.KIND, id).orElseThrow();
        });
    }

    /** The deal's stage timeline, oldest first (404 unless the actor may see the deal). */
    public List<DealStageQueries.Step> timeline(Actor actor, long id) {
        fields.visible(DealKind.KIND, actor, id);
        return stages.timeline(id);
    }

    /** The live closing reasons, in their order (for the Close button). */
    public List<ReferenceView> closingReasons() {
        return reference.all(ReferenceKind.CLOSING_REASON);
    }
}
