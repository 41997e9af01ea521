package dev.crm.shared;

/**
 * Metadata of the events of one delete that removed several objects: every event carries the same
 * {@link #CASCADE} id; those of the objects removed with the root carry {@link #DELETED_WITH} (the root's
 * ID). Restoring the root brings back exactly the objects of its cascade.
 */
public final class Deletion {

    public static final String CASCADE = "cascade";
    public static final String DELETED_WITH = "deletedWith";

    private Deletion() {
    }
}
