package dev.crm.shared.campaign;

import dev.crm.shared.ApiNamed;
import java.util.Locale;

/** Where a campaign is: a draft until it is launched (the launch brings the other states). */
public enum CampaignStatus implements ApiNamed {
    DRAFT;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
