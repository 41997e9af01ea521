package dev.crm.shared.task;

import java.util.Locale;

public enum TaskPriority {
    LOW, MIDDLE, HIGH;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
