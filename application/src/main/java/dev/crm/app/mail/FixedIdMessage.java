package dev.crm.app.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * A message that keeps the Message-ID it was given (Jakarta Mail would make a new one when it is saved): the ID
 * fixed when an e-mail is queued or a campaign's recipient is claimed, so that a delivery can be told by it.
 */
public final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    public FixedIdMessage(String messageId) {
        super(Session.getInstance(new Properties()));
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
