package dev.crm.command.reference;

import dev.crm.shared.reference.ReferenceKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on reference data; only admins may send them. Values are the fields' values as text, keyed by the
 * field's API name (see {@code ReferenceEvent}); a command for one kind never changes an object of another (not found).
 */
public final class ReferenceCommands {

    private ReferenceCommands() {
    }

    public record CreateReference(@TargetAggregateIdentifier long id, ReferenceKind kind, Map<String, String> values) {
    }

    /** Sets the given fields (a key with a null value empties an optional one); {@code expectedVersion}: If-Match. */
    public record ChangeReference(@TargetAggregateIdentifier long id, ReferenceKind kind, Long expectedVersion,
                                  Map<String, String> values) {
    }

    public record DeleteReference(@TargetAggregateIdentifier long id, ReferenceKind kind, Long expectedVersion) {
    }

    public record RestoreReference(@TargetAggregateIdentifier long id, ReferenceKind kind) {
    }

    /**
     * (the sender, as {@code system}, or an admin) The mail server refused the account's login: sending through it
     * stops until {@link ResumeMailAccount} or a change of its connection. Stopped already: nothing happens.
     * {@code reason}: the server's answer without the password.
     */
    public record StopMailAccount(@TargetAggregateIdentifier long id, String reason) {
    }

    /** (admin) A stopped mail account sends again; one that is not stopped: nothing happens. */
    public record ResumeMailAccount(@TargetAggregateIdentifier long id) {
    }
}
