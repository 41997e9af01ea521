package dev.crm.shared.memo;

import java.util.Locale;

public enum MemoStage {
    PENDING, POSTPONED, REVIEWED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
