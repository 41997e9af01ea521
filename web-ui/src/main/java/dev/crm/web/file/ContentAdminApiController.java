package dev.crm.web.file;

import dev.crm.command.Rejected;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "files")
class ContentAdminApiController {

    private final FileQueries files;

    ContentAdminApiController(FileQueries files) {
        this.files = files;
    }

    @GetMapping("/api/admin/contents")
    @Operation(operationId = "listStoredContents",
            summary = "(admin) Stored contents with their reference counts and the file objects referring to them")
    @dev.crm.web.openapi.AdminOnly
    dev.crm.web.page.ItemList<FileJson.Content> contents(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
        return dev.crm.web.page.ItemList.whole(files.contents().stream().map(c -> new FileJson.Content(c.sha256(),
                c.size(), c.refCount(), c.files().stream().map(FileJson::of).toList())).toList());
    }
}
