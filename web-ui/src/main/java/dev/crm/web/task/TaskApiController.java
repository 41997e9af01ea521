package dev.crm.web.task;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.task.TaskKind;

import dev.crm.app.task.TaskService;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.query.Page;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.task.TaskView;
import dev.crm.shared.Actor;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import dev.crm.web.page.ListJson;
import dev.crm.web.problem.BadRequest;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks and projects under {@code /api/tasks} and {@code /api/projects}: the same fields, stages and
 * rules; a task may name its main task ({@code parent}) and its {@code project}, a project neither.
 */
@RestController
@Tag(name = "tasks and projects",
        description = "Tasks and projects: create, change, complete, delete with their parts; both from memos")
class TaskApiController {

    private static final String KINDS = "/api/{kinds:tasks|projects}";

    static final Set<String> WRITABLE = Set.of("title", "description", "priority", "dueDate", "nextStep",
            "nextStepDate", "responsible", "coOwner", "subscribers", "tags");
    static final Set<String> READ_ONLY = Set.of("id", "kind", "version", "stage", "closedAt", "owner",
            ObjectFields.DEPARTMENT.name(), TaskKind.PROJECT.name(), TaskKind.MEMO.name(), "createdAt", "updatedAt");

    private final TaskService service;
    private final TaskQueries tasks;
    private final java.time.Clock clock;

    TaskApiController(TaskService service, TaskQueries tasks, java.time.Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping(KINDS)
    @Operation(summary = "The tasks (projects) the caller may see; q text, stage, mine=true (owned or responsible), overdue=true, department",
            description = ListJson.DESCRIPTION)
    Map<String, Object> list(Actor actor, @PathVariable String kinds, @RequestParam(required = false) String q,
                             @RequestParam(required = false) String stage,
                             @RequestParam(defaultValue = "false") boolean mine,
                             @RequestParam(defaultValue = "false") boolean overdue,
                             @RequestParam(required = false) Long department,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw BadRequest.of(page < 0 ? "page" : "size", "validation.paging", Page.MAX_SIZE);
        }
        Page<TaskView> result = tasks.list(actor, WorkKind.ofPath(kinds), q, stage == null || stage.isBlank() ? null : stage(stage), mine,
                overdue ? java.time.LocalDate.now(clock) : null, department == null ? null : List.of(department), page,
                size);
        return ListJson.of(result, result.items().stream().map(TaskApiController::json).toList());
    }

    @PostMapping(KINDS)
    @Operation(summary = "Create a task (with parent and project, optional) or a project")
    ResponseEntity<Map<String, Object>> create(Actor actor, @PathVariable String kinds, @RequestBody JsonNode body) {
        WorkKind kind = WorkKind.ofPath(kinds);
        JsonBody in = kind == WorkKind.TASK
                ? JsonBody.of(body, with(WRITABLE, "parent", "project"), without(READ_ONLY, "parent", "project"))
                : JsonBody.of(body, WRITABLE, READ_ONLY);
        CreateTask fields = createFields(kind, in, in.number("parent"), in.number("project"));
        in.check();
        TaskView task = service.create(actor, fields);
        return created(task);
    }

    @PostMapping("/api/memos/{id}/{kind:task|project}")
    @Operation(summary = "Create a task (or project) from the memo: { title, responsible, copyFiles }; the memo becomes reviewed")
    ResponseEntity<Map<String, Object>> fromMemo(Actor actor, @PathVariable long id, @PathVariable String kind,
                                                 @RequestBody JsonNode body,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expectedMemoVersion = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, with(WRITABLE, "copyFiles"), READ_ONLY);
        CreateTask fields = createFields(WorkKind.ofKind(kind), in, null, null);
        List<Long> copy = new ArrayList<>();
        JsonNode files = body == null ? null : body.get("copyFiles");
        if (files != null && !files.isNull()) {
            if (!files.isArray()) {
                in.addError("copyFiles", "validation.type.id-list");
            } else {
                for (JsonNode f : files) {
                    if (f.canConvertToExactIntegral() && f.isIntegralNumber()) {
                        copy.add(f.asLong());
                    } else {
                        in.addError("copyFiles", "validation.type.id-list");
                    }
                }
            }
        }
        in.check();
        return created(service.createFromMemo(actor, id, fields, copy, expectedMemoVersion));
    }

    @GetMapping(KINDS + "/{id}")
    ResponseEntity<Map<String, Object>> get(Actor actor, @PathVariable String kinds, @PathVariable long id) {
        TaskView task = service.visible(actor, WorkKind.ofPath(kinds), id);
        return ResponseEntity.ok().eTag("\"" + task.version() + "\"").body(json(task));
    }

    @PatchMapping(KINDS + "/{id}")
    ResponseEntity<Map<String, Object>> change(Actor actor, @PathVariable String kinds, @PathVariable long id,
                                               @RequestBody JsonNode body,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, with(WRITABLE, "stage"), without(READ_ONLY, "stage"));
        if (in.has("title") && in.text("title") == null) {
            in.addError("title", "validation.required");
        }
        ChangeTask change = new ChangeTask(id, expected, in.text("title"), orEmpty(in, "description"),
                priority(in), orEmpty(in, "dueDate"), orEmpty(in, "nextStep"), orEmpty(in, "nextStepDate"),
                list(in, "responsible"), orEmpty(in, "coOwner"), list(in, "subscribers"), list(in, "tags"));
        String stageName = in.text("stage");
        in.check();
        TaskStage stage = stageName == null ? null : stage(stageName);
        WorkKind kind = WorkKind.ofPath(kinds);
        TaskView task = service.change(actor, kind, id, change);
        if (stage != null) {
            task = service.changeStage(actor, kind, id, null, stage);
        }
        return ResponseEntity.ok().eTag("\"" + task.version() + "\"").body(json(task));
    }

    @PostMapping(KINDS + "/{id}/complete")
    ResponseEntity<Map<String, Object>> complete(Actor actor, @PathVariable String kinds, @PathVariable long id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TaskView task = service.changeStage(actor, WorkKind.ofPath(kinds), id, IfMatch.version(ifMatch),
                TaskStage.COMPLETED);
        return ResponseEntity.ok().eTag("\"" + task.version() + "\"").body(json(task));
    }

    @PutMapping(KINDS + "/{id}/owner")
    @Operation(summary = "Give the task (project) to another user: { owner }; a project's tasks owned by the "
            + "previous owner go with it")
    ResponseEntity<Map<String, Object>> transfer(Actor actor, @PathVariable String kinds, @PathVariable long id,
                                                 @RequestBody JsonNode body,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        JsonBody in = JsonBody.of(body, Set.of("owner"), Set.of());
        String owner = in.text("owner");
        if (owner == null) {
            in.addError("owner", "validation.required");
        }
        in.check();
        TaskView task = service.transfer(actor, WorkKind.ofPath(kinds), id, IfMatch.version(ifMatch), owner);
        return ResponseEntity.ok().eTag("\"" + task.version() + "\"").body(json(task));
    }

    @DeleteMapping(KINDS + "/{id}")
    @Operation(summary = "Delete it with its parts and files, as its deletion preview announced; objects: the number "
            + "the preview announced (listed and hidden), 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String kinds, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        service.delete(actor, WorkKind.ofPath(kinds), id, IfMatch.version(ifMatch), objects);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(KINDS + "/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    Map<String, Object> deletionPreview(Actor actor, @PathVariable String kinds, @PathVariable long id) {
        return service.deletionPreview(actor, WorkKind.ofPath(kinds), id).json();
    }

    private static CreateTask createFields(WorkKind kind, JsonBody in, Long parent, Long project) {
        return new CreateTask(0, kind, in.text("title"), in.text("description"), priority(in), in.text("dueDate"),
                in.text("nextStep"), in.text("nextStepDate"), list(in, "responsible"), in.text("coOwner"),
                list(in, "subscribers"), list(in, "tags"), parent, project, null);
    }

    private ResponseEntity<Map<String, Object>> created(TaskView task) {
        return ResponseEntity.created(URI.create("/api/" + task.kind().path() + "/" + task.id()))
                .eTag("\"" + task.version() + "\"").body(json(task));
    }

    private static List<String> list(JsonBody in, String field) {
        return in.textList(field);
    }

    /** Present with null means "clear", which the command spells as "". */
    private static String orEmpty(JsonBody in, String field) {
        if (!in.has(field)) {
            return null;
        }
        String text = in.text(field);
        return text == null ? "" : text;
    }

    private static TaskPriority priority(JsonBody in) {
        String name = in.text("priority");
        if (name == null) {
            return null;
        }
        return Arrays.stream(TaskPriority.values()).filter(p -> p.apiName().equals(name)).findFirst()
                .orElseGet(() -> {
                    in.addError("priority", "validation.one-of", "low, middle, high");
                    return null;
                });
    }

    private static TaskStage stage(String name) {
        return Arrays.stream(TaskStage.values()).filter(s -> s.apiName().equals(name)).findFirst()
                .orElseThrow(() -> BadRequest.of("stage", "validation.one-of",
                        "pending, in_progress, completed, postponed, canceled"));
    }

    private static Set<String> with(Set<String> set, String... extra) {
        java.util.HashSet<String> s = new java.util.HashSet<>(set);
        s.addAll(List.of(extra));
        return s;
    }

    private static Set<String> without(Set<String> set, String... removed) {
        java.util.HashSet<String> s = new java.util.HashSet<>(set);
        List.of(removed).forEach(s::remove);
        return s;
    }

    static Map<String, Object> json(TaskView t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("kind", t.kind().kind());
        json.put("version", t.version());
        json.put("title", t.title());
        json.put("description", t.description());
        json.put("priority", t.priority().apiName());
        json.put("dueDate", t.dueDate());
        json.put("nextStep", t.nextStep());
        json.put("nextStepDate", t.nextStepDate());
        json.put("responsible", t.responsible());
        json.put("coOwner", t.coOwner());
        json.put("subscribers", t.subscribers());
        json.put("tags", t.tags());
        json.put("stage", t.stage().apiName());
        json.put("closedAt", t.closedAt());
        if (t.kind().declaration().fields().contains(TaskKind.PARENT)) {
            json.put(TaskKind.PARENT.name(), t.parent());
            json.put(TaskKind.PROJECT.name(), t.project());
        }
        json.put(TaskKind.MEMO.name(), t.memo());
        json.put("owner", t.owner());
        json.put(ObjectFields.DEPARTMENT.name(), t.department());
        json.put("createdAt", t.createdAt());
        json.put("updatedAt", t.updatedAt());
        return json;
    }
}
