package dev.crm.web.page;

import dev.crm.app.object.DeletionPreview;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a delete would remove: the objects the caller may view, itself first, and how many others. */
@Schema(name = "DeletionPreview",
        description = "Exactly what a delete would remove: the objects the caller may view, itself first, and how "
                + "many others (hidden); pass objects + hidden as the delete's 'objects' to refuse a changed delete")
public record DeletionPreviewJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObjectBrief> objects,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                          description = "How many objects it removes that the caller may not view")
                                  int hidden) {

    public static DeletionPreviewJson of(DeletionPreview preview) {
        return new DeletionPreviewJson(preview.objects().stream().map(ObjectBrief::of).toList(), preview.hidden());
    }
}
