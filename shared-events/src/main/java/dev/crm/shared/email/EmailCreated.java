package dev.crm.shared.email;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A draft was written. {@code fields} holds its own fields' values by name ({@code EmailKind}: addresses joined by
 * ", ", the object it is written from, a reply's {@code inReplyTo} and {@code thread}), only those that have one; who
 * wrote it owns it, in their department (or none).
 */
public record EmailCreated(long emailId, Map<String, String> fields, String owner, Long department)
        implements EmailEvent, FieldsEvents.Created {

    public EmailCreated {
        fields = FieldsEvents.present(fields);
    }
}
