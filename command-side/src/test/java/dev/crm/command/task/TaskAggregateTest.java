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

    /**
     * MAIN and PROJECT, the containers the tests add to: owned by alice; vic is their sole responsible user (he
     * may change them, not reassign them); wes subscribes (he only sees them). Who sees them: those three and
     * sue; chiefs, task operators and admins see everything.
     */
    static final Map<Long, TaskAccess> CONTAINERS = Map.of(
            MAIN, new TaskAccess("alice", null, List.of("vic"), List.of("wes")),
            PROJECT, new TaskAccess("project", "alice", null, List.of("vic"), List.of("wes")));
    static final Set<String> SEE_CONTAINERS = Set.of("alice", "vic", "wes", "sue");
    static final Map<String, String> CONTAINER_RESPONSIBLE = Actor.of("vic").toMetaData();
    static final Map<String, String> CONTAINER_SUBSCRIBER = Actor.of("wes").toMetaData();

    AggregateTestFixture<TaskAggregate> fixture;
    /** The containers of task ID in the read model (none: a top-level task); a test sets them. */
    List<Long> containersOfId = List.of();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskAggregate.class);
        fixture.registerInjectableResource((UserDirectory) Set.of("alice", "bob", "sue", "carol", "dan", "vic", "wes")::contains);
        fixture.registerInjectableResource(new TaskTree() {
            @Override
            public boolean isLive(long id, WorkKind kind) {
                return kind == WorkKind.TASK ? id == MAIN || id == WITH_OPEN_SUBTASK : id == PROJECT;
            }

            @Override
            public boolean hasOpenSubtasks(long taskId) {
                return taskId == WITH_OPEN_SUBTASK;
            }

            /** Task ID is related to a task owned by dan, and to its containers. */
            @Override
            public List<TaskAccess> related(long taskId) {
                if (taskId != ID) {
                    return List.of();
                }
                List<TaskAccess> related = new java.util.ArrayList<>();
                related.add(new TaskAccess("dan", null, List.of("dan"), List.of()));
                containersOfId.forEach(c -> related.add(CONTAINERS.get(c)));
                return related;
            }

            @Override
            public List<Long> containers(long taskId) {
                return taskId == ID ? containersOfId : List.of();
            }

            @Override
            public java.util.Optional<TaskAccess> access(long id) {
                return java.util.Optional.ofNullable(CONTAINERS.get(id));
            }

            @Override
            public boolean userMayView(String username, long id) {
                return CONTAINERS.containsKey(id) && SEE_CONTAINERS.contains(username);
            }
        });
        fixture.registerInjectableResource(new ObjectRules() {
            @Override
            public boolean canView(Actor actor, long id) {
                return (id == MAIN || id == PROJECT)
                        && (SEE_CONTAINERS.contains(actor.username()) || actor.has(Role.TASK_OPERATOR));
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

    // --- parts: adding to a main task or project is changing it; naming people there is its holders' say ---

    private static CreateTask part(String title, List<String> responsible, String coOwner, List<String> subscribers,
                                   Long parent, Long project) {
        return new CreateTask(ID, WorkKind.TASK, title, null, null, null, null, null, responsible, coOwner, subscribers,
                null, parent, project, null);
    }

    private static TaskCreated partCreated(String owner, List<String> responsible, String coOwner,
                                           List<String> subscribers, Long parent, Long project) {
        return new TaskCreated(ID, "Part", null, TaskPriority.MIDDLE, null, null, null, responsible, coOwner,
                subscribers, List.of(), parent, null, owner, project);
    }

    @Test
    void whoOnlySeesAMainTaskOrProjectMayNotAddToIt() {
        fixture.givenNoPriorActivity().when(part("Sub", null, null, null, MAIN, null), CONTAINER_SUBSCRIBER)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(part("Step", null, null, null, null, PROJECT), CONTAINER_SUBSCRIBER)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void aSoleResponsibleUserOfTheMainTaskNamesOnlyHimselfOrWhoSeesItAlready() {
        // carol does not see MAIN: through the subtask she would
        fixture.givenNoPriorActivity().when(part("Sub", null, null, List.of("carol"), MAIN, null),
                CONTAINER_RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(part("Sub", List.of("carol"), null, null, MAIN, null),
                CONTAINER_RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(part("Step", null, "carol", null, null, PROJECT),
                CONTAINER_RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        // himself, and wes and sue, who see it already
        fixture.givenNoPriorActivity().when(part("Sub", null, null, List.of("wes", "sue"), MAIN, null),
                CONTAINER_RESPONSIBLE).expectEvents(new TaskCreated(ID, "Sub", null, TaskPriority.MIDDLE, null, null,
                        null, List.of("vic"), null, List.of("wes", "sue"), List.of(), MAIN, null, "vic", null));
    }

    @Test
    void theHoldersOfAMainTaskOrProjectAndTaskOperatorsNameAnyoneOnItsParts() {
        fixture.givenNoPriorActivity().when(part("Sub", List.of("carol"), null, List.of("dan"), MAIN, null), OWNER)
                .expectEvents(new TaskCreated(ID, "Sub", null, TaskPriority.MIDDLE, null, null, null, List.of("carol"),
                        null, List.of("dan"), List.of(), MAIN, null, "alice", null));
        fixture.givenNoPriorActivity().when(part("Step", null, "carol", null, null, PROJECT), TASK_OPERATOR)
                .expectEvents(new TaskCreated(ID, "Step", null, TaskPriority.MIDDLE, null, null, null, List.of("tom"),
                        "carol", List.of(), List.of(), null, null, "tom", PROJECT));
    }

    @Test
    void changingWhoIsOnAPartFollowsTheSameRuleAsCreatingIt() {
        containersOfId = List.of(MAIN);
        TaskCreated vicsSub = partCreated("vic", List.of("vic"), null, List.of(), MAIN, null);
        fixture.given(vicsSub).when(new ChangeTask(ID, null, null, null, null, null, null, null, null, null,
                List.of("carol"), null), CONTAINER_RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(vicsSub).when(new ChangeTask(ID, null, null, null, null, null, null, null, null, "carol",
                null, null), CONTAINER_RESPONSIBLE).expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(vicsSub).when(new ChangeTask(ID, null, null, null, null, null, null, null, null, null,
                List.of("wes"), null), CONTAINER_RESPONSIBLE)
                .expectEvents(new TaskChanged(ID, List.of(FieldChange.of("subscribers", null, "wes"))));
        // the main task's owner holds its parts: she may name anyone on them
        fixture.given(vicsSub).when(new ChangeTask(ID, null, null, null, null, null, null, null, null, null,
                List.of("carol"), null), OWNER)
                .expectEvents(new TaskChanged(ID, List.of(FieldChange.of("subscribers", null, "carol"))));
        // people already on it are no new naming
        TaskCreated withCarol = partCreated("vic", List.of("vic"), null, List.of("carol"), MAIN, null);
        fixture.given(withCarol).when(new ChangeTask(ID, null, "Renamed", null, null, null, null, null, List.of("vic"),
                "", List.of("carol"), null), CONTAINER_RESPONSIBLE)
                .expectEvents(new TaskChanged(ID, List.of(FieldChange.of("title", "Part", "Renamed"))));
    }

    @Test
    void aPartGoesOnlyToAnOwnerWhoSeesItsContainersUnlessTheirHoldersGiveIt() {
        containersOfId = List.of(PROJECT);
        TaskCreated vicsStep = partCreated("vic", List.of("vic"), null, List.of(), null, PROJECT);
        fixture.given(vicsStep).when(new TaskCommands.TransferTask(ID, null, "carol"), CONTAINER_RESPONSIBLE)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(vicsStep).when(new TaskCommands.TransferTask(ID, null, "sue"), CONTAINER_RESPONSIBLE)
                .expectEvents(new dev.crm.shared.task.TaskOwnerChanged(ID, "vic", "sue"));
        fixture.given(vicsStep).when(new TaskCommands.TransferTask(ID, null, "carol"), TASK_OPERATOR)
                .expectEvents(new dev.crm.shared.task.TaskOwnerChanged(ID, "vic", "carol"));
    }

    @Test
    void theHoldersOfAProjectChangeAndCancelItsTasksSoTheyCanAlwaysCloseIt() {
        // bob's task in alice's project, in which alice is nobody
        TaskCreated bobsStep = partCreated("bob", List.of("bob"), "bob", List.of(), null, PROJECT);
        containersOfId = List.of(PROJECT);
        fixture.given(bobsStep).when(new ChangeTaskStage(ID, null, TaskStage.CANCELED), OWNER)
                .expectEvents(new TaskStageChanged(ID, TaskStage.PENDING, TaskStage.CANCELED));
        fixture.given(bobsStep).when(new ChangeTask(ID, null, "Not needed", null, null, null, null, null, null, null,
                null, null), OWNER).expectEvents(new TaskChanged(ID, List.of(FieldChange.of("title", "Part", "Not needed"))));
        // the project's sole responsible user changes the project, not the tasks others put in it
        fixture.given(bobsStep).when(new ChangeTaskStage(ID, null, TaskStage.CANCELED), CONTAINER_RESPONSIBLE)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        // nor does the holder delete them one by one (deleting the project takes them)
        fixture.given(bobsStep).when(new DeleteTask(ID, null), OWNER)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }
}
