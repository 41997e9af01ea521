package dev.crm.web.processor;

import dev.crm.app.processor.Processors;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** (admin) The event processors, and the rebuild of their read models while the service keeps serving. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "processors", description = "(admin) Event processors: position, lag, segments; rebuilding read models while serving")
class ProcessorsApiController {

    private final Processors processors;

    ProcessorsApiController(Processors processors) {
        this.processors = processors;
    }

    @GetMapping("/api/admin/processors")
    @Operation(operationId = "listProcessors", summary = "(admin) Every event processor: its mode (subscribing or "
            + "streaming), position, lag behind the store's head in events, segments with the instance holding each, "
            + "how it is rebuilt (rebuildAs: live, reset or null) and the state of its rebuild")
    @dev.crm.web.openapi.AdminOnly
    ItemList<Processors.Processor> processors(Actor actor) {
        admin(actor);
        return ItemList.whole(processors.all());
    }

    @PostMapping("/api/admin/processors/{name}/rebuild")
    @Operation(operationId = "rebuildProcessor", summary = "(admin) Rebuild a processor's read model by replay while "
            + "the old one keeps answering: the query side's read models (which share tables) together, into shadow "
            + "tables, switched over when caught up (PostgreSQL); the analytics by resetting its tokens. The answer "
            + "names the processors and tables rebuilt; progress in GET /api/admin/processors. 404 for an unknown "
            + "processor, 409 for one that is no read model (email-sending), while a rebuild runs, or without PostgreSQL")
    @dev.crm.web.openapi.AdminOnly
    ResponseEntity<Processors.Started> rebuild(Actor actor, @PathVariable String name) {
        admin(actor);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(processors.rebuild(name));
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
    }
}
