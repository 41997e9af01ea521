package dev.crm.web.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.crm.query.task.TaskView;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A task or project in the API. A project is {@link Work}; a task is the same with its main task ({@code parent})
 * and its {@code project}.
 */
@Schema(name = "Task", description = "A task: a project's fields, plus its main task and its project")
record TaskJson(@JsonUnwrapped Work work,
                @Schema(description = "The main task's ID, for a subtask") Long parent,
                @Schema(description = "The project's ID, for a task of a project") Long project) implements Versioned {

    static TaskJson of(TaskView t) {
        return new TaskJson(Work.of(t), t.parent(), t.project());
    }

    @Override
    @JsonIgnore
    public long version() {
        return work.version();
    }

    /** What tasks and projects have in common; a project is exactly this. */
    @Schema(name = "Project", description = "A project; tasks have these fields too")
    record Work(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "project") String kind,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                long version,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                String description,
                @Choices(TaskPriority.class) @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String priority,
                @Schema(format = "date", description = "yyyy-MM-dd") String dueDate,
                String nextStep,
                @Schema(format = "date", description = "yyyy-MM-dd") String nextStepDate,
                @ArraySchema(arraySchema = @Schema(description = "Usernames")) List<String> responsible,
                @Schema(description = "Username") String coOwner,
                @ArraySchema(arraySchema = @Schema(description = "Usernames")) List<String> subscribers,
                List<String> tags,
                @Choices(TaskStage.class) @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String stage,
                @Schema(description = "When it was completed or canceled") Instant closedAt,
                @Schema(description = "The memo it was made from") Long memo,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner,
                @Schema(description = "The owner's department's ID") Long department,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

        static Work of(TaskView t) {
            return new Work(t.id(), t.kind().kind(), t.version(), t.title(), t.description(), t.priority().apiName(),
                    t.dueDate(), t.nextStep(), t.nextStepDate(), t.responsible(), t.coOwner(), t.subscribers(), t.tags(),
                    t.stage().apiName(), t.closedAt(), t.memo(), t.owner(), t.department(), t.createdAt(),
                    t.updatedAt());
        }
    }

    /** What a create or change of a task or project sends; a change sends only what it changes, null clears. */
    @Schema(name = "ProjectInput", description = "The fields of a task or project a create or change sends: on "
            + "create, title is required; a change sends only what it changes: null clears description, dueDate, "
            + "nextStep, nextStepDate and coOwner, and leaves the others as they are")
    record Fields(@Schema(maxLength = Limits.TITLE) String title,
                  @Schema(nullable = true) String description,
                  @Choices(TaskPriority.class) String priority,
                  @Schema(nullable = true, format = "date") String dueDate,
                  @Schema(nullable = true) String nextStep,
                  @Schema(nullable = true, format = "date") String nextStepDate,
                  @ArraySchema(arraySchema = @Schema(description = "Usernames")) List<String> responsible,
                  @Schema(nullable = true, description = "Username") String coOwner,
                  @ArraySchema(arraySchema = @Schema(description = "Usernames")) List<String> subscribers,
                  List<String> tags) {
    }

    /** A new task: a project's fields, and where it belongs. */
    @Schema(name = "TaskInput", description = "A new task: a project's fields, and where it belongs")
    record NewTask(@JsonUnwrapped Fields fields,
                   @Schema(description = "The main task's ID, for a subtask") Long parent,
                   @Schema(description = "The project's ID") Long project) {
    }

    /** A change of a task or project, which may also move it to another stage. */
    @Schema(name = "TaskChange", description = "A change of a task or project: the fields it changes, and its stage")
    record Change(@JsonUnwrapped Fields fields, @Choices(TaskStage.class) String stage) {
    }

    /** A task or project made from a memo, with copies of the memo's files. */
    @Schema(name = "TaskFromMemo", description = "A task or project made from a memo; copyFiles: the memo's file "
            + "objects to copy onto it")
    record FromMemo(@JsonUnwrapped Fields fields, List<Long> copyFiles) {
    }

    /** A transfer to another owner. */
    @Schema(name = "OwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }
}
