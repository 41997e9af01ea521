package dev.crm.app.file;

import dev.crm.shared.file.FileKind;

import dev.crm.command.ObjectRules;
import dev.crm.command.Rejected;
import dev.crm.command.file.FileCommands.AttachFile;
import dev.crm.command.file.FileCommands.DetachFile;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Uploads, downloads and deletes file objects.
 *
 * <p>An upload stores the content first (outside any transaction), then attaches it in a transaction
 * that, after the reference count's row is locked by the projection, checks that the content is still
 * there. A purge deletes content only under that same lock and only at count zero, so either the purge
 * came first and the attach sees the content gone (and stores it again), or the attach came first and the
 * purge sees a count above zero. Either way a referenced content is never deleted.
 */
@Service
public class FileService {

    /** Bytes that can be read again: a retried attach stores the content again. */
    @FunctionalInterface
    public interface Upload {
        InputStream open() throws IOException;
    }

    public static final int ATTEMPTS = 3;

    private final ContentStore store;
    private final CommandSender commands;
    private final ObjectIds ids;
    private final FileQueries files;
    private final ObjectAccess access;
    private final ObjectIndex objects;
    private final ObjectRules rules;
    private final TransactionTemplate tx;
    private final long maxBytes;
    private final long maxPartHeaderBytes;

    FileService(ContentStore store, CommandSender commands, ObjectIds ids, FileQueries files, ObjectAccess access,
                ObjectIndex objects, ObjectRules rules, PlatformTransactionManager transactions,
                @Value("${crm.max-upload:50MB}") DataSize maxUpload,
                @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader) {
        this.store = store;
        this.commands = commands;
        this.ids = ids;
        this.files = files;
        this.access = access;
        this.objects = objects;
        this.rules = rules;
        this.tx = new TransactionTemplate(transactions);
        this.maxBytes = maxUpload.toBytes();
        this.maxPartHeaderBytes = maxPartHeader.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** How many bytes the headers of one multipart part may have: the file name is one of them. */
    public long maxPartHeaderBytes() {
        return maxPartHeaderBytes;
    }

    /**
     * The upload was refused while it was read because a part's headers were longer than
     * {@link #maxPartHeaderBytes} (a file name of thousands of characters), not because the file was too
     * large: Spring reports both as {@code MaxUploadSizeExceededException}, Tomcat's message tells them apart.
     */
    public static boolean partHeadersTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    public FileView upload(Actor actor, long attachTo, String name, String mediaType, Upload upload) {
        // fail before storing anything when the target is wrong; under the object's lock, so the answer
        // is about one state of it. The aggregate checks again, finally, when the file is attached.
        tx.executeWithoutResult(status -> {
            objects.lock(attachTo);
            if (!rules.canView(actor, attachTo) || !rules.acceptsFiles(attachTo)) {
                throw new Rejected.Invalid("attachTo", "validation.file.unknown-object", attachTo);
            }
            if (!rules.canChange(actor, attachTo)) {
                throw new Rejected.Forbidden("error.file.attach-forbidden");
            }
        });
        long fileId = ids.next();
        for (int attempt = 1; ; attempt++) {
            ContentStore.Stored stored = store(upload);
            try {
                return attach(actor, new AttachFile(fileId, attachTo, stored.sha256(), name, stored.size(), mediaType));
            } catch (ContentGone | DataIntegrityViolationException | ConcurrencyException e) {
                // purged, or first referenced by a concurrent attach, at the same moment: store and try again
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Attaches content already in the store (an upload, or another file object's content). */
    public FileView attach(Actor actor, AttachFile command) {
        return tx.execute(status -> {
            // the object must not be deleted or reviewed between the rule check and the attach
            objects.lock(command.attachedTo());
            commands.send(command, actor);
            if (!store.exists(command.sha256())) {
                throw new ContentGone(command.sha256());
            }
            return files.find(command.fileId()).orElseThrow();
        });
    }

    public void detach(Actor actor, long fileId, Long expectedVersion) {
        FileView file = visible(actor, fileId);
        tx.executeWithoutResult(status -> {
            objects.lock(file.attachedTo());
            commands.send(new DetachFile(fileId, expectedVersion), actor);
        });
    }

    public FileView visible(Actor actor, long fileId) {
        return access.findVisible(fileId, actor).filter(o -> o.kind().equals(FileKind.NAME) && !o.deleted())
                .flatMap(o -> files.find(fileId)).orElseThrow(() -> new Rejected.NotFound(fileId));
    }

    public InputStream content(FileView file) throws IOException {
        return store.open(file.sha256());
    }

    private ContentStore.Stored store(Upload upload) {
        try (InputStream in = upload.open()) {
            return store.put(in, maxBytes);
        } catch (ContentStore.TooLarge e) {
            throw new UploadTooLarge(maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content was purged between storing it and attaching it. */
    public static final class ContentGone extends RuntimeException {
        ContentGone(String sha256) {
            super("content " + sha256 + " was purged while it was being attached");
        }
    }

    /** The upload is larger than the configured limit: 413. */
    public static final class UploadTooLarge extends RuntimeException {
        private final long maxBytes;

        UploadTooLarge(long maxBytes) {
            super("upload larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
