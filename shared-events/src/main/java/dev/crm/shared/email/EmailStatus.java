package dev.crm.shared.email;

import dev.crm.shared.ApiNamed;
import java.util.Locale;

/**
 * Where an e-mail stands: a draft (written, may still change), queued for sending, sent, or failed (with the reason).
 * Only drafts exist until sending is built; queued, sent and failed are set by the sending alone.
 */
public enum EmailStatus implements ApiNamed {
    DRAFT, QUEUED, SENT, FAILED;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
