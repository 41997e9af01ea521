package dev.crm.app;

import java.util.Map;
import java.util.UUID;

/**
 * One delete that removes several objects. Every event of the cascade carries the same {@code cascade}
 * id, and the events of the objects removed with the root carry {@code deletedWith} (the root's ID), so
 * each deleted object's history shows which delete removed it.
 */
public record Cascade(String id, long root) {

    public static final String CASCADE = dev.crm.shared.Deletion.CASCADE;
    public static final String DELETED_WITH = dev.crm.shared.Deletion.DELETED_WITH;

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
