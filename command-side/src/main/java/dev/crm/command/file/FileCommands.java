package dev.crm.command.file;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class FileCommands {

    private FileCommands() {
    }

    /** Makes a file object on {@code attachedTo} referring to content already in the content store. */
    public record AttachFile(@TargetAggregateIdentifier long fileId, long attachedTo, String sha256, String name,
                             long size, String mediaType) {
    }

    public record DetachFile(@TargetAggregateIdentifier long fileId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted file object back; the caller has checked that its content is still stored. */
    public record RestoreFile(@TargetAggregateIdentifier long fileId) {
    }
}
