package dev.crm.shared.email;

import dev.crm.shared.ApiNamed;
import java.util.Locale;

/**
 * Where an e-mail stands: a draft (written, may still change), queued for sending, sent, or failed (with the reason).
 * Queued, sent and failed are set by the sending alone (EmailQueued, EmailSent, EmailFailed).
 */
public enum EmailStatus implements ApiNamed {
    DRAFT, QUEUED, SENT, FAILED;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
