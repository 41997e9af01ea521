package dev.crm.app;

import dev.crm.shared.Actor;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of an actor, who travels in the command's metadata. */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Waits for the outcome; a rejected command throws the aggregate's own exception. */
    public <R> R send(Object command, Actor actor) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()));
    }

    /** The same, with more metadata, which the events it causes carry too (see {@link Cascade}). */
    public <R> R send(Object command, Actor actor, Map<String, ?> metaData) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData())
                .andMetaData(metaData));
    }
}
