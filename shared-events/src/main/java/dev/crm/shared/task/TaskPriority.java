package dev.crm.shared.task;

import java.util.Locale;

public enum TaskPriority implements dev.crm.shared.ApiNamed {
    LOW, MIDDLE, HIGH;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
