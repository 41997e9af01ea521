package dev.crm.shared;

import java.util.List;

/**
 * An event in the life of a CRM object (a memo, a task, …). Its object's numeric ID is the aggregate
 * identifier of the stream it is stored in. {@link #changes()} is what the history shows for it; it is
 * derived from the event's own fields and is not part of the stored JSON.
 */
public interface ObjectEvent {

    long objectId();

    List<FieldChange> changes();
}
