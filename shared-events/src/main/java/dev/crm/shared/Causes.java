package dev.crm.shared;

/**
 * Metadata of an automatic change: the events another object's change caused (a contact's new owner after its
 * company's transfer) carry {@link #CAUSED_BY}, the ID of the object whose change caused them; their user is who
 * made that change. History shows it beside the change, as it shows a cascade's {@code deletedWith}.
 */
public final class Causes {

    public static final String CAUSED_BY = "causedBy";

    private Causes() {
    }
}
