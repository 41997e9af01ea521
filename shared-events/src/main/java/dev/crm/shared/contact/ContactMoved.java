package dev.crm.shared.contact;

import dev.crm.shared.kind.FieldsEvents;

/**
 * The contact moved from company {@code from} to company {@code to} (a change of its company), and so took the new
 * company's owner and department: a contact always has its company's.
 */
public record ContactMoved(long contactId, long from, long to, String fromOwner, String toOwner, Long fromDepartment,
                           Long toDepartment) implements ContactEvent, FieldsEvents.Moved {
}
