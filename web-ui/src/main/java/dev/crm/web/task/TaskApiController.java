package dev.crm.web.task;

import dev.crm.web.page.CsvExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.task.TaskService;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.query.Page;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.task.TaskView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.task.TaskKind;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import dev.crm.web.openapi.Choices;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.BadRequest;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks and projects under {@code /api/tasks} and {@code /api/projects}: the same fields, stages and
 * rules; a task may name its main task ({@code parent}) and its {@code project}, a project neither. Each path has
 * its own mapping so that the description gives each kind its own schema ({@link TaskJson}, {@link TaskJson.Work});
 * the work is done once, below them.
 */
@RestController
class TaskApiController {

    private static final String EXPORT = "The list as CSV, filtered as the list with the same parameters (q, stage, "
            + "mine, overdue, department), newest change first; every row the caller may see, streamed; a header row "
            + "of field names, UTF-8; a text starting with = + - or @ is written after a '";
    private static final String TASKS = "/api/tasks";
    private static final String PROJECTS = "/api/projects";
    private static final String ONE_TASK = TASKS + "/{id}";
    private static final String ONE_PROJECT = PROJECTS + "/{id}";

    static final Set<String> WRITABLE = JsonBody.fieldsOf(TaskJson.Fields.class);
    static final Set<String> READ_ONLY = Set.of("id", "kind", "version", ObjectFields.STAGE.name(), "closedAt", "owner",
            ObjectFields.DEPARTMENT.name(), TaskKind.PARENT.name(), TaskKind.PROJECT.name(), TaskKind.MEMO.name(),
            "createdAt", "updatedAt");

    private final TaskService service;
    private final TaskQueries tasks;
    private final Clock clock;

    private final CsvExport csv;

    TaskApiController(TaskService service, TaskQueries tasks, Clock clock, CsvExport csv) {
        this.csv = csv;
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** What a list of tasks or projects can be narrowed to. */
    record Filter(@Parameter(description = "Text in the title or description") String q,
                  @Parameter(description = "Only this stage") @Choices(TaskStage.class) String stage,
                  @Parameter(description = "Only the caller's: owned, or responsible for") Boolean mine,
                  @Parameter(description = "Only those due before today and not closed") Boolean overdue,
                  @Parameter(description = "Only that department's (ID)") Long department,
                  @Parameter(description = "The page, from 0") Integer page,
                  @Parameter(description = "Objects per page, 1 to 100 (default 20)") Integer size) {
    }

    /** The list's filters without its paging: what an export takes. */
    record ExportFilter(@Parameter(description = "Text in the title or description") String q,
                        @Parameter(description = "Only this stage") @Choices(TaskStage.class) String stage,
                        @Parameter(description = "Only the caller's: owned, or responsible for") Boolean mine,
                        @Parameter(description = "Only those due before today and not closed") Boolean overdue,
                        @Parameter(description = "Only that department's (ID)") Long department) {
    }

    @GetMapping(TASKS + "/export")
    @Operation(summary = EXPORT)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void exportTasks(Actor actor, @ParameterObject ExportFilter filter, HttpServletResponse response)
            throws IOException {
        export(actor, WorkKind.TASK, filter, TaskJson.class, TaskJson::of, response);
    }

    @GetMapping(PROJECTS + "/export")
    @Operation(summary = EXPORT)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void exportProjects(Actor actor, @ParameterObject ExportFilter filter, HttpServletResponse response)
            throws IOException {
        export(actor, WorkKind.PROJECT, filter, TaskJson.Work.class, TaskJson.Work::of, response);
    }

    @GetMapping(TASKS)
    @Operation(summary = "The tasks the caller may see, newest change first", description = ItemList.DESCRIPTION)
    ItemList<TaskJson> listTasks(Actor actor, @ParameterObject Filter filter) {
        return list(actor, WorkKind.TASK, filter, TaskJson::of);
    }

    @GetMapping(PROJECTS)
    @Operation(summary = "The projects the caller may see, newest change first", description = ItemList.DESCRIPTION)
    ItemList<TaskJson.Work> listProjects(Actor actor, @ParameterObject Filter filter) {
        return list(actor, WorkKind.PROJECT, filter, TaskJson.Work::of);
    }

    @PostMapping(TASKS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a task, optionally under a main task (parent) and in a project")
    ResponseEntity<TaskJson> createTask(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = TaskJson.NewTask.class)))
            @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(TaskJson.NewTask.class),
                without(READ_ONLY, TaskKind.PARENT.name(), TaskKind.PROJECT.name()));
        CreateTask fields = createFields(WorkKind.TASK, in, in.number(TaskKind.PARENT.name()),
                in.number(TaskKind.PROJECT.name()));
        in.check();
        return created(service.create(actor, fields), TaskJson::of);
    }

    @PostMapping(PROJECTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a project")
    ResponseEntity<TaskJson.Work> createProject(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = TaskJson.Fields.class)))
            @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        CreateTask fields = createFields(WorkKind.PROJECT, in, null, null);
        in.check();
        return created(service.create(actor, fields), TaskJson.Work::of);
    }

    @PostMapping("/api/memos/{id}/task")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTaskFromMemo", summary = "Create a task from the memo, with copies of the "
            + "files named in copyFiles; the memo becomes reviewed. If-Match: the memo's version")
    ResponseEntity<TaskJson> taskFromMemo(Actor actor, @PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TaskJson.FromMemo.class))) @RequestBody JsonNode body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return created(fromMemo(actor, id, WorkKind.TASK, body, ifMatch), TaskJson::of);
    }

    @PostMapping("/api/memos/{id}/project")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createProjectFromMemo", summary = "Create a project from the memo, with copies of the "
            + "files named in copyFiles; the memo becomes reviewed. If-Match: the memo's version")
    ResponseEntity<TaskJson.Work> projectFromMemo(Actor actor, @PathVariable long id,
                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TaskJson.FromMemo.class))) @RequestBody JsonNode body,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return created(fromMemo(actor, id, WorkKind.PROJECT, body, ifMatch), TaskJson.Work::of);
    }

    @GetMapping(ONE_TASK)
    @Operation(summary = "One task; ETag: its version")
    ResponseEntity<TaskJson> getTask(Actor actor, @PathVariable long id) {
        return one(service.visible(actor, WorkKind.TASK, id), TaskJson::of);
    }

    @GetMapping(ONE_PROJECT)
    @Operation(summary = "One project; ETag: its version")
    ResponseEntity<TaskJson.Work> getProject(Actor actor, @PathVariable long id) {
        return one(service.visible(actor, WorkKind.PROJECT, id), TaskJson.Work::of);
    }

    @PatchMapping(ONE_TASK)
    @Operation(summary = "Change some fields of a task, and its stage")
    ResponseEntity<TaskJson> changeTask(Actor actor, @PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TaskJson.Change.class))) @RequestBody JsonNode body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(change(actor, WorkKind.TASK, id, body, ifMatch), TaskJson::of);
    }

    @PatchMapping(ONE_PROJECT)
    @Operation(summary = "Change some fields of a project, and its stage")
    ResponseEntity<TaskJson.Work> changeProject(Actor actor, @PathVariable long id,
                                                @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TaskJson.Change.class))) @RequestBody JsonNode body,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(change(actor, WorkKind.PROJECT, id, body, ifMatch), TaskJson.Work::of);
    }

    @PostMapping(ONE_TASK + "/complete")
    @Operation(summary = "Complete the task")
    ResponseEntity<TaskJson> completeTask(Actor actor, @PathVariable long id,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(service.changeStage(actor, WorkKind.TASK, id, IfMatch.version(ifMatch), TaskStage.COMPLETED),
                TaskJson::of);
    }

    @PostMapping(ONE_PROJECT + "/complete")
    @Operation(summary = "Complete the project")
    ResponseEntity<TaskJson.Work> completeProject(Actor actor, @PathVariable long id,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(service.changeStage(actor, WorkKind.PROJECT, id, IfMatch.version(ifMatch), TaskStage.COMPLETED),
                TaskJson.Work::of);
    }

    @PutMapping(ONE_TASK + "/owner")
    @Operation(summary = "Give the task to another user: { owner }")
    ResponseEntity<TaskJson> transferTask(Actor actor, @PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TaskJson.Owner.class))) @RequestBody JsonNode body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(transfer(actor, WorkKind.TASK, id, body, ifMatch), TaskJson::of);
    }

    @PutMapping(ONE_PROJECT + "/owner")
    @Operation(summary = "Give the project to another user: { owner }; its tasks owned by the previous owner go with it")
    ResponseEntity<TaskJson.Work> transferProject(Actor actor, @PathVariable long id,
                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = TaskJson.Owner.class))) @RequestBody JsonNode body,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(transfer(actor, WorkKind.PROJECT, id, body, ifMatch), TaskJson.Work::of);
    }

    @DeleteMapping({ONE_TASK, ONE_PROJECT})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete it with its parts and files, as its deletion preview announced; objects: the number "
            + "the preview announced (listed and hidden), 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, HttpServletRequest request, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        service.delete(actor, kindOf(request), id, IfMatch.version(ifMatch), objects);
        return ResponseEntity.noContent().build();
    }

    @GetMapping({ONE_TASK + "/deletion-preview", ONE_PROJECT + "/deletion-preview"})
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, HttpServletRequest request, @PathVariable long id) {
        return DeletionPreviewJson.of(service.deletionPreview(actor, kindOf(request), id));
    }

    // --- the work behind the mappings ---

    private void export(Actor actor, WorkKind kind, ExportFilter filter, Class<? extends Record> record,
                        Function<TaskView, ?> json, HttpServletResponse response) throws IOException {
        String stage = filter.stage();
        TaskStage stageFilter = stage == null || stage.isBlank() ? null : stage(stage);
        LocalDate before = Boolean.TRUE.equals(filter.overdue()) ? dev.crm.web.page.Dates.today(clock) : null;
        List<Long> departments = filter.department() == null ? null : List.of(filter.department());
        csv.write(response, kind.declaration().path(), record, page -> tasks.list(actor, kind, filter.q(), stageFilter,
                Boolean.TRUE.equals(filter.mine()), before, departments, page, CsvExport.PAGE).items().stream()
                .map(json).toList());
    }

    private <J> ItemList<J> list(Actor actor, WorkKind kind, Filter filter, Function<TaskView, J> json) {
        int page = filter.page() == null ? 0 : filter.page();
        int size = filter.size() == null ? 20 : filter.size();
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw BadRequest.of(page < 0 ? "page" : "size", "validation.paging", Page.MAX_SIZE);
        }
        String stage = filter.stage();
        Page<TaskView> result = tasks.list(actor, kind, filter.q(), stage == null || stage.isBlank() ? null : stage(stage),
                Boolean.TRUE.equals(filter.mine()), Boolean.TRUE.equals(filter.overdue()) ? dev.crm.web.page.Dates.today(clock) : null,
                filter.department() == null ? null : List.of(filter.department()), page, size);
        return ItemList.of(result, result.items().stream().map(json).toList());
    }

    private TaskView fromMemo(Actor actor, long memo, WorkKind kind, JsonNode body, String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(TaskJson.FromMemo.class), READ_ONLY);
        CreateTask fields = createFields(kind, in, null, null);
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
        return service.createFromMemo(actor, memo, fields, copy, expected);
    }

    private TaskView change(Actor actor, WorkKind kind, long id, JsonNode body, String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(TaskJson.Change.class), without(READ_ONLY, ObjectFields.STAGE.name()));
        // null for a field that cannot be emptied (title, priority, stage, the lists) leaves it as it is
        ChangeTask change = new ChangeTask(id, expected, in.text("title"), orEmpty(in, "description"),
                priority(in), orEmpty(in, "dueDate"), orEmpty(in, "nextStep"), orEmpty(in, "nextStepDate"),
                in.textList("responsible"), orEmpty(in, "coOwner"), in.textList("subscribers"), in.textList("tags"));
        String stageName = in.text(ObjectFields.STAGE.name());
        in.check();
        TaskStage stage = stageName == null ? null : stage(stageName);
        TaskView task = service.change(actor, kind, id, change);
        if (stage != null) {
            task = service.changeStage(actor, kind, id, null, stage);
        }
        return task;
    }

    private TaskView transfer(Actor actor, WorkKind kind, long id, JsonNode body, String ifMatch) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(TaskJson.Owner.class), Set.of());
        String owner = in.text("owner");
        if (owner == null) {
            in.addError("owner", "validation.required");
        }
        in.check();
        return service.transfer(actor, kind, id, IfMatch.version(ifMatch), owner);
    }

    /** {@code /api/tasks/…} or {@code /api/projects/…}. */
    private static WorkKind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return WorkKind.ofPath(path.split("/")[2]);
    }

    private static CreateTask createFields(WorkKind kind, JsonBody in, Long parent, Long project) {
        return new CreateTask(0, kind, in.text("title"), in.text("description"), priority(in), in.text("dueDate"),
                in.text("nextStep"), in.text("nextStepDate"), in.textList("responsible"), in.text("coOwner"),
                in.textList("subscribers"), in.textList("tags"), parent, project, null);
    }

    private static <J> ResponseEntity<J> created(TaskView task, Function<TaskView, J> json) {
        return ResponseEntity.created(URI.create("/api/" + task.kind().path() + "/" + task.id()))
                .eTag("\"" + task.version() + "\"").body(json.apply(task));
    }

    private static <J> ResponseEntity<J> one(TaskView task, Function<TaskView, J> json) {
        return ResponseEntity.ok().eTag("\"" + task.version() + "\"").body(json.apply(task));
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
                .orElseThrow(() -> BadRequest.of(ObjectFields.STAGE.name(), "validation.one-of",
                        "pending, in_progress, completed, postponed, canceled"));
    }

    private static Set<String> without(Set<String> set, String... removed) {
        Set<String> s = new HashSet<>(set);
        List.of(removed).forEach(s::remove);
        return s;
    }
}
