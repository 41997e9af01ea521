package dev.crm.shared.kind;

/**
 * An event of one object that belongs to the history of other objects too, which it names: a campaign's message to a
 * recipient shows in the recipient's history. The history reads it from the naming object's stream; nothing is
 * written to the other object.
 */
public interface Mentions {

    /** The objects whose histories show it. */
    java.util.List<Long> mentioned();
}
