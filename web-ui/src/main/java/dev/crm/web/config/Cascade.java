package dev.crm.web.config;

import java.util.Map;
import java.util.UUID;

/**
 * One delete that removes several objects. Every event of the cascade carries the same {@code cascade}
 * id, and the events of the objects removed with the root carry {@code deletedWith} (the root's ID), so
 * each deleted object's history shows which delete removed it.
 */
public record Cascade(String id, long root) {

    public static final String CASCADE = "cascade";
    public static final String DELETED_WITH = "deletedWith";

    public static Cascade of(long root) {
        return new Cascade(UUID.randomUUID().toString(), root);
    }

    public Map<String, Object> forRoot() {
        return Map.of(CASCADE, id);
    }

    public Map<String, Object> forPart() {
        return Map.of(CASCADE, id, DELETED_WITH, root);
    }
}
