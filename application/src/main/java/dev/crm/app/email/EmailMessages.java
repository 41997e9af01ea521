package dev.crm.app.email;

import dev.crm.app.file.FileService;
import dev.crm.app.mail.FixedIdMessage;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.shared.email.EmailKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The message an e-mail is sent as: From the account's address, To, Cc and Bcc, its subject, its body as text/plain
 * UTF-8, its file objects' contents as attachments (name and bytes), the {@code Message-ID} fixed when it was queued,
 * and for a reply {@code In-Reply-To} and {@code References} from the message IDs its conversation was sent with.
 */
@Component
class EmailMessages {

    private final FileQueries files;
    private final FileService contents;
    private final JdbcTemplate jdbc;

    EmailMessages(FileQueries files, FileService contents, JdbcTemplate jdbc) {
        this.files = files;
        this.contents = contents;
        this.jdbc = jdbc;
    }

    /** The message of {@code email}, ready to send. */
    MimeMessage of(FieldsView email, String from, String messageId) {
        try {
            MimeMessage message = new FixedIdMessage(messageId);
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
            helper.setFrom(from);
            helper.setTo(addresses(email.get(EmailKind.TO)));
            helper.setCc(addresses(email.get(EmailKind.CC)));
            helper.setBcc(addresses(email.get(EmailKind.BCC)));
            helper.setSubject(email.get(EmailKind.SUBJECT));
            String body = email.get(EmailKind.BODY);
            helper.setText(body == null ? "" : body, false);
            for (FileView file : files.attachedTo(email.id())) {
                helper.addAttachment(file.name(), new ByteArrayResource(bytes(file)),
                        file.mediaType() == null ? "application/octet-stream" : file.mediaType());
            }
            String inReplyTo = sentId(email.reference(EmailKind.IN_REPLY_TO));
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", inReplyTo);
                String first = sentId(email.reference(EmailKind.THREAD));
                message.setHeader("References", first == null || first.equals(inReplyTo) ? inReplyTo
                        : first + " " + inReplyTo);
            }
            return message;
        } catch (MessagingException e) {
            throw new Unreadable("The e-mail cannot be made into a message: " + e.getMessage());
        }
    }

    /** The Message-ID the e-mail was last sent with, or null. */
    private String sentId(Long email) {
        if (email == null) {
            return null;
        }
        List<String> ids = jdbc.queryForList("SELECT message_id FROM email_attempt WHERE email_id = ? AND outcome = "
                + "'sent' ORDER BY attempt DESC", String.class, email);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private byte[] bytes(FileView file) {
        try (InputStream in = contents.content(file)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("The attachment " + file.name() + " cannot be read: " + e.getMessage());
        }
    }

    private static InternetAddress[] addresses(String joined) throws MessagingException {
        List<InternetAddress> all = new ArrayList<>();
        if (joined != null && !joined.isBlank()) {
            for (String one : joined.split(",")) {
                if (!one.isBlank()) {
                    all.add(new InternetAddress(one.strip(), true));
                }
            }
        }
        return all.toArray(InternetAddress[]::new);
    }

    /** The e-mail or an attachment cannot be read into a message: it fails for good with this reason. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason);
        }
    }
}
