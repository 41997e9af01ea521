package dev.crm.shared.task;

import java.util.Locale;

public enum TaskStage implements dev.crm.shared.ApiNamed {
    PENDING, IN_PROGRESS, COMPLETED, POSTPONED, CANCELED;

    /** Completed and canceled tasks are closed: they record their closing date. */
    public boolean closed() {
        return this == COMPLETED || this == CANCELED;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
