package dev.crm.app.email;

import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.file.FileService;
import dev.crm.command.Rejected;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.email.EmailCommands.CreateEmail;
import dev.crm.command.email.EmailCommands.QueueEmail;
import dev.crm.command.email.EmailCommands.Reply;
import dev.crm.command.file.FileCommands.AttachFile;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.shared.Causes;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing e-mails: a draft with attachments, a reply, and a forward (with the original's attachments). An attachment is a file object of the object the e-mail is
 * written from that the writer may see: a new file object of the e-mail refers to the same content, as a task made
 * from a memo copies the memo's files. All or nothing.
 */
@Service
public class EmailService {

    /** What a reply's subject starts with, once. */
    static final String REPLY_PREFIX = "Re: ";
    /** What a forwarded e-mail's subject starts with, once. */
    static final String FORWARD_PREFIX = "Fwd: ";

    private final CommandSender commands;
    private final ObjectIds ids;
    private final FieldsQueries queries;
    private final FileService files;
    private final TransactionTemplate tx;
    private final MailAccounts accounts;
    private final FileQueries fileQueries;
    private final MessageSource texts;

    EmailService(CommandSender commands, ObjectIds ids, FieldsQueries queries, FileService files,
                 PlatformTransactionManager transactions, MailAccounts accounts, FileQueries fileQueries,
                 MessageSource texts) {
        this.commands = commands;
        this.ids = ids;
        this.queries = queries;
        this.files = files;
        this.tx = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.fileQueries = fileQueries;
        this.texts = texts;
    }

    /**
     * Queues a draft or a failed e-mail for sending (who may change it may send it: 404/403), through its owner's main
     * mail account (none: 409 {@code error.email.no-main-account}, which names the fix), with a new RFC 5322
     * Message-ID; {@link EmailSending} sends it once this commits.
     */
    public FieldsView send(Actor actor, long id) {
        FieldsView email = queries.findVisible(EmailKind.KIND, id, actor).orElseThrow(() -> new Rejected.NotFound(id));
        if (!queries.allows(email, actor, Action.CHANGE)) {
            throw new Rejected.Forbidden("error.email.change-forbidden");
        }
        var account = accounts.mainAccountOf(email.owner())
                .orElseThrow(() -> new Rejected.WrongState("error.email.no-main-account"));
        commands.send(new QueueEmail(id, account.id(), messageId(id,
                account.value(ReferenceKind.Fields.FROM.name()))), actor);
        return read(id);
    }

    /** {@code <random.id@domain of the sending address>}: unique, fixed when queued. */
    static String messageId(long id, String from) {
        String domain = from == null || from.indexOf('@') < 0 ? "crm.invalid" : from.substring(from.lastIndexOf('@') + 1)
                .strip();
        return "<" + UUID.randomUUID() + "." + id + "@" + domain + ">";
    }

    /**
     * A draft: {@code fields} its own fields by name (addresses as lists of texts), {@code attach} IDs of file objects
     * of the object it is written from (each once), which it gets as its own. A file that is not one of that object's,
     * or that the writer may not see, is refused ({@code validation.email.not-a-file}) and nothing is made.
     */
    public FieldsView create(Actor actor, Map<String, Object> fields, List<Long> attach) {
        long id = ids.next();
        tx.executeWithoutResult(status -> {
            commands.send(new CreateEmail(id, fields, null), actor);
            attach(actor, id, List.copyOf(new LinkedHashSet<>(attach)));
        });
        return read(id);
    }

    /**
     * A draft answering e-mail {@code id} (which the actor must see: 404): to its sender — for an outgoing e-mail, its
     * recipients —, its subject after "Re: " (once), in its thread, written from the same object.
     */
    public FieldsView reply(Actor actor, long id) {
        FieldsView original = queries.findVisible(EmailKind.KIND, id, actor)
                .orElseThrow(() -> new Rejected.NotFound(id));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EmailKind.SUBJECT.name(), replySubject(original.get(EmailKind.SUBJECT)));
        String to = original.get(EmailKind.TO);
        fields.put(EmailKind.TO.name(), to == null ? List.of() : List.of(to.split(", ")));
        for (Field link : EmailKind.LINKS) {
            if (original.get(link) != null) {
                fields.put(link.name(), original.get(link));
            }
        }
        String thread = original.get(EmailKind.THREAD);
        long newId = ids.next();
        commands.send(new CreateEmail(newId, fields, new Reply(id, thread == null ? id : Long.parseLong(thread))),
                actor);
        return read(newId);
    }

    /**
     * A draft forwarding e-mail {@code id} (which the actor must see: 404; and who may add e-mails: 403): its subject
     * after "Fwd: " (once), its body after a short header naming its sender, date, subject and recipients (in the
     * writer's {@code language}), no recipients yet, written from the same object, and the original's file objects the
     * writer may see copied as its own attachments (the same content). Created with the original as its cause
     * ({@link Causes#CAUSED_BY}), so its history tells where it came from. All or nothing.
     */
    public FieldsView forward(Actor actor, long id, Locale language) {
        FieldsView original = queries.findVisible(EmailKind.KIND, id, actor)
                .orElseThrow(() -> new Rejected.NotFound(id));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EmailKind.SUBJECT.name(), forwardSubject(original.get(EmailKind.SUBJECT)));
        fields.put(EmailKind.BODY.name(), forwardBody(original, senderOf(original),
                (key, args) -> texts.getMessage(key, args, key, language)));
        fields.put(EmailKind.TO.name(), List.of());
        for (Field link : EmailKind.LINKS) {
            if (original.get(link) != null) {
                fields.put(link.name(), original.get(link));
            }
        }
        long newId = ids.next();
        tx.executeWithoutResult(status -> {
            commands.send(new CreateEmail(newId, fields, null), actor, Map.of(Causes.CAUSED_BY, id));
            // the original's files the writer may see, read in the transaction that copies them
            List<FileView> attachments = fileQueries.attachedTo(id).stream().filter(f -> {
                try {
                    return files.visible(actor, f.id()) != null;
                } catch (Rejected.NotFound e) {
                    return false;
                }
            }).toList();
            for (FileView file : attachments) {
                files.attach(actor, new AttachFile(ids.next(), newId, file.sha256(), file.name(), file.size(),
                        file.mediaType()));
            }
        });
        return read(newId);
    }

    /** Who sent an e-mail, as its forward names them: its owner's main account's address, or else its owner. */
    private String senderOf(FieldsView email) {
        return accounts.mainAccountOf(email.owner()).map(a -> a.value(ReferenceKind.Fields.FROM.name()))
                .filter(from -> from != null && !from.isBlank()).orElse(email.owner());
    }

    /** "Fwd: " and the subject without the "Fwd:" (or "Fw:") it may start with, within a title's length. */
    static String forwardSubject(String subject) {
        String rest = subject == null ? "" : subject.strip();
        for (boolean again = true; again; ) {
            String lower = rest.toLowerCase(Locale.ROOT);
            again = lower.startsWith("fwd:") || lower.startsWith("fw:");
            if (again) {
                rest = rest.substring(rest.indexOf(':') + 1).strip();
            }
        }
        String forward = FORWARD_PREFIX + rest;
        return forward.length() > Limits.TITLE ? forward.substring(0, Limits.TITLE) : forward;
    }

    /**
     * The forwarded e-mail's text: a blank line, the header (its lines from {@code text}, a message key and its
     * arguments in the writer's language: sender, date as UTC ISO 8601 — sent, or else written —, subject, recipients),
     * a blank line and the original's text; within a text's length.
     */
    static String forwardBody(FieldsView original, String from, java.util.function.BiFunction<String, Object[],
            String> text) {
        String sentAt = original.get(EmailKind.SENT_AT);
        java.time.Instant date = original.createdAt();
        if (sentAt != null) {
            try {
                date = java.time.Instant.parse(sentAt);
            } catch (java.time.format.DateTimeParseException e) {
                // not an instant as sending records it: when it was written
            }
        }
        String to = original.get(EmailKind.TO);
        String subject = original.get(EmailKind.SUBJECT);
        String body = original.get(EmailKind.BODY);
        StringBuilder forward = new StringBuilder("\n\n").append(text.apply("email.forward.header", new Object[0]))
                .append('\n').append(text.apply("email.forward.from", new Object[] {from == null ? "" : from}))
                .append('\n').append(text.apply("email.forward.date", new Object[] {date == null ? ""
                        : date.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()}))
                .append('\n').append(text.apply("email.forward.subject", new Object[] {subject == null ? "" : subject}))
                .append('\n').append(text.apply("email.forward.to", new Object[] {to == null ? "" : to}))
                .append("\n\n").append(body == null ? "" : body);
        return forward.length() > Limits.TEXT ? forward.substring(0, Limits.TEXT) : forward.toString();
    }

    /** "Re: " and the subject without the "Re:" it may start with, within a title's length. */
    static String replySubject(String subject) {
        String rest = subject == null ? "" : subject.strip();
        while (rest.toLowerCase(Locale.ROOT).startsWith("re:")) {
            rest = rest.substring(3).strip();
        }
        String reply = REPLY_PREFIX + rest;
        return reply.length() > Limits.TITLE ? reply.substring(0, Limits.TITLE) : reply;
    }

    /** The object an e-mail is written from (its one link), or null. */
    public static Long linked(FieldsView email) {
        return EmailKind.LINKS.stream().map(email::reference).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    private void attach(Actor actor, long id, List<Long> attach) {
        if (attach.isEmpty()) {
            return;
        }
        Long from = linked(read(id));
        List<FileView> copies = new ArrayList<>();
        for (Long fileId : attach) {
            FileView file;
            try {
                file = fileId == null ? null : files.visible(actor, fileId);
            } catch (Rejected.NotFound e) {
                file = null;
            }
            if (file == null || from == null || file.attachedTo() != from) {
                throw new Rejected.Invalid("files", "validation.email.not-a-file", fileId);
            }
            copies.add(file);
        }
        for (FileView file : copies) {
            files.attach(actor, new AttachFile(ids.next(), id, file.sha256(), file.name(), file.size(),
                    file.mediaType()));
        }
    }

    private FieldsView read(long id) {
        return queries.afterCommand(EmailKind.KIND, id).orElseThrow(
                () -> new IllegalStateException("e-mail " + id + " missing after its command"));
    }
}
