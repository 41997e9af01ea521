package dev.crm.command.task;

import dev.crm.command.task.TaskCommands.RestoreTask;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.command.ObjectRules;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.ChangeTaskStage;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.command.task.TaskCommands.DeleteTask;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.task.WorkKind;
import dev.crm.shared.project.ProjectChanged;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectStageChanged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskAggregateTest {

    static final long ID = 50;
    static final long MAIN = 49;
    static final long WITH_OPEN_SUBTASK = 48;
    static final long PROJECT = 47;
    static final Map<String, String> OWNER = Actor.of("alice").toMetaData();
    static final Map<String, String> RESPONSIBLE = Actor.of("bob").toMetaData();
    static final Map<String, String> SUBSCRIBER = Actor.of("sue").toMetaData();
    static final Map<String, String> STRANGER = Actor.of("carol").toMetaData();
    static final Map<String, String> TASK_OPERATOR = Actor.of("tom", Role.TASK_OPERATOR).toMetaData();

    static final TaskCreated CREATED = new TaskCreated(ID, "Call back", null, TaskPriority.MIDDLE, null, null, null,
            List.of("bob"), null, List.of("sue"), List.of(), null, null, "alice", null);

    AggregateTestFixture<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskAggregate.class);
        fixture.registerInjectableResource((UserDirectory) Set.of("alice", "bob", "sue", "carol", "dan")::contains);
        fixture.registerInjectableResource(new TaskTree() {
            @Override
            public boolean isLive(long id, WorkKind kind) {
                return kind == WorkKind.TASK ? id == MAIN || id == WITH_OPEN_SUBTASK : id == PROJECT;
            }

            @Override
            public boolean hasOpenSubtasks(long taskId) {
                return taskId == WITH_OPEN_SUBTASK;
            }

            /** Task ID's main task has dan as its owner. */
            @Override
            public List<TaskAccess> related(long taskId) {
                return taskId == ID ? List.of(new TaskAccess("dan", null, List.of("dan"), List.of())) : List.of();
            }
        });
        fixture.registerInjectableResource(new ObjectRules() {
            @Override
            public boolean canView(Actor actor, long id) {
                return (id == MAIN || id == PROJECT) && actor.is("alice");
            }

            @Override
            public boolean canChange(Actor actor, long id) {
                return canView(actor, id);
            }

            @Override
            public boolean acceptsFiles(long id) {
                return true;
            }
        });
    }

    @Test
    void aTaskWithoutResponsibleUsersIsGivenItsCreator() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, " Call back ", null, null, null, null, null, null, null, null, null, null, null, null),
                        OWNER)
                .expectEvents(new TaskCreated(ID, "Call back", null, TaskPriority.MIDDLE, null, null, null,
                        List.of("alice"), null, List.of(), List.of(), null, null, "alice", null));
    }

    @Test
    void badFieldsAreAllReportedAndNothingIsStored() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "", null, null, "tomorrow", null, null, List.of("nobody"), null, null,
                        List.of("a,b"), 999L, 998L, null), OWNER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aSubtaskNeedsAMainTaskTheUserMaySee() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "Sub", null, null, null, null, null, null, null, null, null, MAIN, null, null),
                        STRANGER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "Sub", null, null, null, null, null, null, null, null, null, MAIN, null, null), OWNER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void ownerSoleResponsibleAndTaskOperatorsChangeItSubscribersAndStrangersDoNot() {
        for (Map<String, String> editor : List.of(OWNER, RESPONSIBLE, TASK_OPERATOR)) {
            fixture.given(CREATED).when(new ChangeTask(ID, 1L, "Call back today", null, TaskPriority.HIGH, null, null,
                    null, null, null, null, null), editor)
                    .expectEvents(new TaskChanged(ID, List.of(FieldChange.of("title", "Call back", "Call back today"),
                            FieldChange.of("priority", "middle", "high"))));
        }
        fixture.given(CREATED).when(new ChangeTask(ID, null, "x", null, null, null, null, null, null, null, null, null),
                SUBSCRIBER).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(CREATED).when(new ChangeTask(ID, null, "x", null, null, null, null, null, null, null, null, null),
                STRANGER).expectException(Rejected.NotFound.class).expectNoEvents();
    }

    @Test
    void thePeopleOfARelatedTaskSeeTheTaskButMayNotChangeIt() {
        fixture.given(CREATED).when(new ChangeTask(ID, null, "x", null, null, null, null, null, null, null, null, null),
                Actor.of("dan").toMetaData()).expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void oneOfSeveralResponsibleUsersMayNotChangeTheTask() {
        fixture.given(CREATED, new TaskChanged(ID, List.of(FieldChange.of("responsible", "bob", "bob, dan"))))
                .when(new ChangeTask(ID, null, "x", null, null, null, null, null, null, null, null, null), RESPONSIBLE)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void completingClosesTheTask() {
        fixture.given(CREATED).when(new ChangeTaskStage(ID, 1L, TaskStage.COMPLETED), RESPONSIBLE)
                .expectEvents(new TaskStageChanged(ID, TaskStage.PENDING, TaskStage.COMPLETED));
    }

    @Test
    void aMainTaskCannotBeCompletedWhileASubtaskIsOpen() {
        TaskCreated main = new TaskCreated(WITH_OPEN_SUBTASK, "Main", null, TaskPriority.MIDDLE, null, null, null,
                List.of("alice"), null, List.of(), List.of(), null, null, "alice", null);
        fixture.given(main).when(new ChangeTaskStage(WITH_OPEN_SUBTASK, null, TaskStage.COMPLETED), OWNER)
                .expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(main).when(new ChangeTaskStage(WITH_OPEN_SUBTASK, null, TaskStage.CANCELED), OWNER)
                .expectEvents(new TaskStageChanged(WITH_OPEN_SUBTASK, TaskStage.PENDING, TaskStage.CANCELED));
    }

    @Test
    void aDeletedTaskIsGoneForEveryCommand() {
        fixture.given(CREATED).when(new DeleteTask(ID, 1L), OWNER).expectEvents(new TaskDeleted(ID));
        fixture.given(CREATED, new TaskDeleted(ID)).when(new ChangeTaskStage(ID, null, TaskStage.COMPLETED), OWNER)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }

    // --- projects: the same aggregate and rules, their own event types ---

    static final ProjectCreated PROJECT_CREATED = new ProjectCreated(WITH_OPEN_SUBTASK, "Launch", null,
            TaskPriority.MIDDLE, null, null, null, List.of("alice"), null, List.of(), List.of(), null, "alice");

    @Test
    void aProjectIsCreatedWithItsOwnEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.PROJECT, "Launch", null, TaskPriority.HIGH, null, null, null, null,
                        null, null, List.of("q4"), null, null, null), OWNER)
                .expectEvents(new ProjectCreated(ID, "Launch", null, TaskPriority.HIGH, null, null, null,
                        List.of("alice"), null, List.of(), List.of("q4"), null, "alice"));
    }

    @Test
    void aProjectHasNeitherMainTaskNorProject() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.PROJECT, "Launch", null, null, null, null, null, null, null, null,
                        null, MAIN, PROJECT, null), OWNER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aTaskBelongsToAProjectTheUserMaySee() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "Step", null, null, null, null, null, null, null, null, null,
                        null, PROJECT, null), OWNER)
                .expectEvents(new TaskCreated(ID, "Step", null, TaskPriority.MIDDLE, null, null, null,
                        List.of("alice"), null, List.of(), List.of(), null, null, "alice", PROJECT));
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "Step", null, null, null, null, null, null, null, null, null,
                        null, PROJECT, null), STRANGER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
        // a task is not a project
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "Step", null, null, null, null, null, null, null, null, null,
                        null, MAIN, null), OWNER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aProjectCannotBeCompletedWhileOneOfItsTasksIsOpen() {
        fixture.given(PROJECT_CREATED).when(new ChangeTaskStage(WITH_OPEN_SUBTASK, null, TaskStage.COMPLETED), OWNER)
                .expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(PROJECT_CREATED).when(new ChangeTaskStage(WITH_OPEN_SUBTASK, null, TaskStage.IN_PROGRESS), OWNER)
                .expectEvents(new ProjectStageChanged(WITH_OPEN_SUBTASK, TaskStage.PENDING, TaskStage.IN_PROGRESS));
    }

    @Test
    void projectsFollowTheTaskRulesWithTheirOwnEvents() {
        fixture.given(PROJECT_CREATED).when(new ChangeTask(WITH_OPEN_SUBTASK, 1L, "Launch v2", null, null, null, null,
                        null, null, null, null, null), OWNER)
                .expectEvents(new ProjectChanged(WITH_OPEN_SUBTASK, List.of(FieldChange.of("title", "Launch", "Launch v2"))));
        fixture.given(PROJECT_CREATED).when(new ChangeTask(WITH_OPEN_SUBTASK, null, "x", null, null, null, null, null,
                null, null, null, null), STRANGER).expectException(Rejected.NotFound.class).expectNoEvents();
        fixture.given(PROJECT_CREATED).when(new DeleteTask(WITH_OPEN_SUBTASK, 1L), TASK_OPERATOR)
                .expectEvents(new ProjectDeleted(WITH_OPEN_SUBTASK));
        fixture.given(PROJECT_CREATED, new ProjectDeleted(WITH_OPEN_SUBTASK))
                .when(new ChangeTaskStage(WITH_OPEN_SUBTASK, null, TaskStage.COMPLETED), OWNER)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }

    @Test
    void anAdminRestoresADeletedTaskOrProjectWithItsOwnEvent() {
        Map<String, String> admin = Actor.of("ada", Role.ADMIN).toMetaData();
        fixture.given(CREATED, new TaskDeleted(ID)).when(new RestoreTask(ID), admin)
                .expectEvents(new TaskRestored(ID));
        fixture.given(CREATED, new TaskDeleted(ID)).when(new RestoreTask(ID), TASK_OPERATOR)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(CREATED, new TaskDeleted(ID), new TaskRestored(ID))
                .when(new ChangeTaskStage(ID, 3L, TaskStage.COMPLETED), RESPONSIBLE)
                .expectEvents(new TaskStageChanged(ID, TaskStage.PENDING, TaskStage.COMPLETED));
    }

    @Test
    void aRestoredProjectGetsItsOwnEvent() {
        fixture.given(PROJECT_CREATED, new ProjectDeleted(WITH_OPEN_SUBTASK))
                .when(new RestoreTask(WITH_OPEN_SUBTASK), Actor.of("ada", Role.ADMIN).toMetaData())
                .expectEvents(new ProjectRestored(WITH_OPEN_SUBTASK));
    }

    @Test
    void theOwnerOrATaskOperatorGivesTheTaskToAnotherActiveUser() {
        fixture.given(CREATED).when(new TaskCommands.TransferTask(ID, 1L, "carol"), OWNER)
                .expectEvents(new dev.crm.shared.task.TaskOwnerChanged(ID, "alice", "carol"));
        fixture.given(CREATED).when(new TaskCommands.TransferTask(ID, null, "dan"), TASK_OPERATOR)
                .expectEvents(new dev.crm.shared.task.TaskOwnerChanged(ID, "alice", "dan"));
        // a sole responsible user may change the task, not give it away
        fixture.given(CREATED).when(new TaskCommands.TransferTask(ID, null, "carol"), RESPONSIBLE)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(CREATED).when(new TaskCommands.TransferTask(ID, null, "nobody"), OWNER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(CREATED).when(new TaskCommands.TransferTask(ID, null, "carol"), STRANGER)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }

    @Test
    void aSoleResponsibleUserChangesTheTaskButDoesNotDeleteIt() {
        fixture.given(CREATED).when(new DeleteTask(ID, null), RESPONSIBLE)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void aSubtaskHasOneResponsibleUser() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, WorkKind.TASK, "Sub", null, null, null, null, null, List.of("alice", "bob"), null,
                        null, null, MAIN, null, null), OWNER)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aSoleResponsibleUserDoesNotReassignTheTask() {
        fixture.given(CREATED).when(new ChangeTask(ID, null, null, null, null, null, null, null, null, "bob", null, null),
                RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(CREATED).when(new ChangeTask(ID, null, null, null, null, null, null, null, List.of("carol"), null,
                null, null), RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(CREATED).when(new ChangeTask(ID, null, null, null, null, null, null, null, List.of("carol"), null,
                null, null), OWNER).expectEvents(new TaskChanged(ID, List.of(FieldChange.of("responsible", "bob", "carol"))));
        // the edit form sends every field: unchanged people are no reassignment
        fixture.given(CREATED).when(new ChangeTask(ID, null, "Call back now", null, null, null, null, null, List.of("bob"),
                "", null, null), RESPONSIBLE)
                .expectEvents(new TaskChanged(ID, List.of(FieldChange.of("title", "Call back", "Call back now"))));
    }

    @Test
    void aSubtaskKeepsOneResponsibleUserWhenChanged() {
        TaskCreated sub = new TaskCreated(ID, "Sub", null, TaskPriority.MIDDLE, null, null, null, List.of("bob"), null,
                List.of(), List.of(), MAIN, null, "alice", null);
        fixture.given(sub).when(new ChangeTask(ID, null, null, null, null, null, null, null, List.of("bob", "carol"),
                null, null, null), OWNER).expectException(Rejected.Invalid.class).expectNoEvents();
    }
}
