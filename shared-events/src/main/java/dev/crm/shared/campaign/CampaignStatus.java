package dev.crm.shared.campaign;

import dev.crm.shared.ApiNamed;
import java.util.Locale;

/**
 * Where a campaign is: a draft until it is launched; then running, paused (by a user, or when its account's login was
 * refused), waiting (its daily limit reached, outside business hours, or the mail server unreachable: it goes on by
 * itself), and at the end done or canceled.
 */
public enum CampaignStatus implements ApiNamed {
    DRAFT, RUNNING, PAUSED, WAITING, DONE, CANCELED;

    /** Whether its sender works on it (running, or waiting to go on by itself). */
    public boolean sending() {
        return this == RUNNING || this == WAITING;
    }

    /** Whether it has ended (done or canceled). */
    public boolean ended() {
        return this == DONE || this == CANCELED;
    }

    /** The status of this API name. */
    public static CampaignStatus of(String apiName) {
        for (CampaignStatus status : values()) {
            if (status.apiName().equals(apiName)) {
                return status;
            }
        }
        throw new IllegalArgumentException(apiName);
    }

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
