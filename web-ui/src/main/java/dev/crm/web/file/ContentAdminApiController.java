package dev.crm.web.file;

import dev.crm.command.Rejected;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContentAdminApiController {

    private final FileQueries files;

    ContentAdminApiController(FileQueries files) {
        this.files = files;
    }

    @GetMapping("/api/admin/contents")
    @Operation(summary = "(admin) Stored contents with their reference counts and the file objects referring to them")
    Map<String, Object> contents(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
        return Map.of("items", files.contents().stream().map(c -> Map.of("sha256", c.sha256(), "size", c.size(),
                "refCount", c.refCount(), "files", c.files().stream().map(FileApiController::json).toList())).toList());
    }
}
