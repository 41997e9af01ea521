package dev.crm.shared.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of parts and their containers (main task, project): who adds, changes, names people. */
class TaskAccessTest {

    static final Actor OWNER = Actor.of("alice");
    static final Actor CO_OWNER = Actor.of("cleo");
    static final Actor SOLE_RESPONSIBLE = Actor.of("vic");
    static final Actor SUBSCRIBER = Actor.of("wes");
    static final Actor STRANGER = Actor.of("carol", Role.MANAGER, Role.OPERATOR, Role.ACCOUNTANT);
    static final Actor CHIEF = Actor.of("cora", Role.CHIEF);
    static final Actor TASK_OPERATOR = Actor.of("tom", Role.TASK_OPERATOR);
    static final Actor ADMIN = Actor.of("ada", Role.ADMIN);

    /** A project: alice owns it, cleo co-owns it, vic is its sole responsible user, wes subscribes. */
    static final TaskAccess PROJECT = new TaskAccess("project", "alice", "cleo", List.of("vic"), List.of("wes"));
    /** Bob's task in it, where none of the project's people is anybody. */
    static final TaskAccess BOBS_TASK = new TaskAccess("bob", "bob", List.of("bob"), List.of());

    @Test
    void addingAPartNeedsTheRightToChangeTheContainer() {
        for (Actor adder : List.of(OWNER, CO_OWNER, SOLE_RESPONSIBLE, CHIEF, TASK_OPERATOR, ADMIN)) {
            assertThat(PROJECT.canAddPart(adder, List.of())).as(adder.username()).isTrue();
        }
        for (Actor viewer : List.of(SUBSCRIBER, STRANGER)) {
            assertThat(PROJECT.canAddPart(viewer, List.of())).as(viewer.username()).isFalse();
        }
        // the holder of a project may add a subtask to any of its tasks, as she may change them
        assertThat(BOBS_TASK.canAddPart(OWNER, List.of(PROJECT))).isTrue();
        assertThat(BOBS_TASK.canAddPart(SOLE_RESPONSIBLE, List.of(PROJECT))).isFalse();
    }

    @Test
    void theHoldersOfAContainerChangeAndReassignItsPartsButDoNotDeleteOrGiveThemAway() {
        for (Actor holder : List.of(OWNER, CO_OWNER)) {
            assertThat(BOBS_TASK.canChange(holder)).as(holder.username()).isFalse();
            assertThat(BOBS_TASK.canChange(holder, List.of(PROJECT))).as(holder.username()).isTrue();
            assertThat(BOBS_TASK.canReassign(holder, List.of(PROJECT))).as(holder.username()).isTrue();
            assertThat(BOBS_TASK.canDelete(holder)).as(holder.username()).isFalse();
            assertThat(BOBS_TASK.canTransfer(holder)).as(holder.username()).isFalse();
        }
        // the project's other people do not hold it
        for (Actor other : List.of(SOLE_RESPONSIBLE, SUBSCRIBER, STRANGER)) {
            assertThat(BOBS_TASK.canChange(other, List.of(PROJECT))).as(other.username()).isFalse();
            assertThat(BOBS_TASK.canReassign(other, List.of(PROJECT))).as(other.username()).isFalse();
        }
        assertThat(BOBS_TASK.canChange(Actor.of("bob"), List.of(PROJECT))).isTrue();
    }

    @Test
    void onlyWhoMayReassignAContainerNamesAnyoneOnItsPartsOthersNameThemselvesOrWhoSeesItAlready() {
        Set<String> seeIt = Set.of("alice", "cleo", "vic", "wes", "sue");
        for (Actor free : List.of(OWNER, CO_OWNER, CHIEF, TASK_OPERATOR, ADMIN)) {
            assertThat(PROJECT.mayName(free, List.of(), "carol", seeIt::contains)).as(free.username()).isTrue();
        }
        assertThat(PROJECT.mayName(SOLE_RESPONSIBLE, List.of(), "carol", seeIt::contains)).isFalse();
        assertThat(PROJECT.mayName(SOLE_RESPONSIBLE, List.of(), "sue", seeIt::contains)).isTrue();
        assertThat(PROJECT.mayName(SOLE_RESPONSIBLE, List.of(), "vic", u -> false)).isTrue();
        // a main task in a project: the project's holder names anyone on the main task's subtasks
        assertThat(BOBS_TASK.mayName(OWNER, List.of(PROJECT), "carol", u -> false)).isTrue();
        assertThat(BOBS_TASK.mayName(SOLE_RESPONSIBLE, List.of(PROJECT), "carol", u -> false)).isFalse();
    }
}
