package dev.crm.shared.request;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A request was added. {@code fields} holds its own fields' values by name ({@code RequestKind}), only those that
 * have one; the creator owns it, in their department (or none). What matching set follows as {@link RequestMatched}.
 */
public record RequestCreated(long requestId, Map<String, String> fields, String owner, Long department)
        implements RequestEvent, FieldsEvents.Created {

    public RequestCreated {
        fields = FieldsEvents.present(fields);
    }
}
