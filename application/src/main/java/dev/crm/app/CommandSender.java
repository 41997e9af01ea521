package dev.crm.app;

import dev.crm.command.Rejected;
import dev.crm.query.ProjectionWrites;
import dev.crm.shared.Actor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of an actor, who travels in the command's metadata. */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final ProjectionWrites writes;

    CommandSender(CommandGateway gateway, ProjectionWrites writes) {
        this.gateway = gateway;
        this.writes = writes;
    }

    /**
     * Waits for the outcome; a rejected command throws the aggregate's own exception, a command to an object
     * that its aggregate does not know (none, or another kind's) {@link Rejected.NotFound}.
     */
    public <R> R send(Object command, Actor actor) {
        return send(command, actor, Map.of());
    }

    /** The same, with more metadata, which the events it causes carry too (see {@link Cascade}). */
    public <R> R send(Object command, Actor actor, Map<String, ?> metaData) {
        // the rows this command's projections keep are for this command's answer only
        writes.forgetKept();
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData())
                    .andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw notFound(e);
        }
    }

    private static RuntimeException notFound(AggregateNotFoundException e) {
        try {
            return new Rejected.NotFound(Long.parseLong(String.valueOf(e.getAggregateIdentifier())));
        } catch (NumberFormatException notAnObjectId) {
            return e;
        }
    }
}
