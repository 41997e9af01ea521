package dev.crm.shared.memo;

import java.util.Locale;

public enum MemoStage implements dev.crm.shared.ApiNamed {
    PENDING, POSTPONED, REVIEWED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
