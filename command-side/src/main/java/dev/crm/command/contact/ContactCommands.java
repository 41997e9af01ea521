package dev.crm.command.contact;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The contact commands, shaped as the company's ({@code CompanyCommands}). A contact's owner is never set on its
 * own: {@link FollowCompanyOwner} is sent for each of its company's contacts when the company is transferred.
 */
public final class ContactCommands {

    private ContactCommands() {
    }

    public record CreateContact(@TargetAggregateIdentifier long contactId, Long company, Map<String, Object> fields) {
    }

    public record ChangeContact(@TargetAggregateIdentifier long contactId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    /** The contact's company {@code company} was transferred to {@code owner}: an automatic change. */
    public record FollowCompanyOwner(@TargetAggregateIdentifier long contactId, long company, String owner) {
    }

    public record DeleteContact(@TargetAggregateIdentifier long contactId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted contact back. */
    public record RestoreContact(@TargetAggregateIdentifier long contactId) {
    }
}
