package dev.crm.command.file;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.ObjectRules;
import dev.crm.command.Rejected;
import dev.crm.command.Versions;
import dev.crm.command.file.FileCommands.AttachFile;
import dev.crm.command.Cascades;
import dev.crm.command.Restoring;
import dev.crm.command.file.FileCommands.DetachFile;
import dev.crm.command.file.FileCommands.RestoreFile;
import dev.crm.shared.Actor;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileRestored;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A file object. Who may see it, add it or delete it follows the object it is attached to: view the file
 * if you may view that object; add or delete it if you may change that object.
 */
@Aggregate
public class FileAggregate {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

    @AggregateIdentifier
    private Long fileId;
    private long attachedTo;
    private String sha256;
    private String name;
    private boolean detached;

    protected FileAggregate() {
        // for Axon
    }

    @CommandHandler
    public FileAggregate(AttachFile cmd, MetaData metaData, ObjectRules objects) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!objects.canView(actor, cmd.attachedTo()) || !objects.acceptsFiles(cmd.attachedTo())) {
            throw new Rejected.Invalid("attachTo", "validation.file.unknown-object", cmd.attachedTo());
        }
        if (!objects.canChange(actor, cmd.attachedTo())) {
            throw new Rejected.Forbidden("error.file.attach-forbidden");
        }
        if (cmd.sha256() == null || !SHA256.matcher(cmd.sha256()).matches() || cmd.size() < 0) {
            throw new IllegalArgumentException("content reference must be a lower-case SHA-256 and a size");
        }
        String mediaType = cmd.mediaType() == null ? null : cmd.mediaType().toLowerCase(java.util.Locale.ROOT).strip();
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            mediaType = "application/octet-stream";
        }
        apply(new FileAttached(cmd.fileId(), cmd.attachedTo(), cmd.sha256(), FileNames.sanitize(cmd.name()),
                cmd.size(), mediaType));
    }

    @CommandHandler
    public long handle(DetachFile cmd, MetaData metaData, ObjectRules objects) {
        if (Cascades.isPart(metaData) && !detached) {
            apply(new FileDetached(fileId, attachedTo, sha256, name));
            return Versions.current();
        }
        Actor actor = Actor.fromMetaData(metaData);
        if (detached || !objects.canView(actor, attachedTo)) {
            throw new Rejected.NotFound(fileId);
        }
        Versions.require(cmd.expectedVersion());
        if (!objects.canChange(actor, attachedTo)) {
            throw new Rejected.Forbidden("error.file.detach-forbidden");
        }
        apply(new FileDetached(fileId, attachedTo, sha256, name));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreFile cmd, MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), detached);
        apply(new FileRestored(fileId, attachedTo, sha256, name));
        return Versions.current();
    }

    @EventSourcingHandler
    void on(FileRestored e) {
        detached = false;
    }

    @EventSourcingHandler
    void on(FileAttached e) {
        fileId = e.fileId();
        attachedTo = e.attachedTo();
        sha256 = e.sha256();
        name = e.name();
    }

    @EventSourcingHandler
    void on(FileDetached e) {
        detached = true;
    }
}
