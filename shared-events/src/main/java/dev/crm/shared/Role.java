package dev.crm.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles an administrator gives; their API names are lower case ({@code task_operator}). */
public enum Role implements ApiNamed {
    ADMIN, CHIEF, MANAGER, OPERATOR, TASK_OPERATOR, ACCOUNTANT, CO_WORKER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName().equals(name)).findFirst();
    }
}
