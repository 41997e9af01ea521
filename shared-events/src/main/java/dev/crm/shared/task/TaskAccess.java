package dev.crm.shared.task;


import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import java.util.List;
import java.util.function.Predicate;

/**
 * The task rules, written once (like {@code MemoAccess}): a task is seen by its people (owner,
 * co-owner, responsible users, subscribers), by the people of its main task and of its subtasks, and by
 * chiefs, task operators and admins; it is changed by its owner, its co-owner, a sole responsible user,
 * chiefs, task operators and admins, and deleted by the same but the sole responsible user; it is given to another owner by its owner, chiefs,
 * task operators and admins.
 *
 * <p>A task that is part of another (a subtask of its main task, a task of its project: its
 * <em>containers</em>) is also changed, and reassigned, by the owner and co-owner of each container, so that
 * whoever holds a project or main task can always close it. Adding a part to a task or project needs the right
 * to change it ({@link #canAddPart}); since the people of a part see its containers, putting someone on a part
 * lets them see the containers, so only who may reassign a container names anyone there; others name only
 * themselves or people who already see it ({@link #mayName}).
 */
public record TaskAccess(String kind, String owner, String coOwner, List<String> responsible,
                         List<String> subscribers) {

    /** The task row of the permission matrix ({@code Permissions}); a project's rules read the project row. */
    public static final String KIND = "task";

    /** The rules of a task. */
    public TaskAccess(String owner, String coOwner, List<String> responsible, List<String> subscribers) {
        this(KIND, owner, coOwner, responsible, subscribers);
    }

    public TaskAccess {
        kind = kind == null ? KIND : kind;
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
        subscribers = subscribers == null ? List.of() : List.copyOf(subscribers);
    }

    /** Owner, co-owner, responsible user or subscriber of this very task. */
    public boolean isPerson(Actor actor) {
        return actor.is(owner) || actor.is(coOwner == null ? "" : coOwner)
                || responsible.contains(actor.username()) || subscribers.contains(actor.username());
    }

    /** Its owner or co-owner: who holds it, and so also holds its parts. */
    public boolean manages(Actor actor) {
        return actor.is(owner) || actor.is(coOwner == null ? "" : coOwner);
    }

    /** Seen without looking at related tasks; enough for everyone but the people of related tasks. */
    public boolean canView(Actor actor) {
        return Permissions.allowsAll(actor, kind, Action.VIEW) || isPerson(actor);
    }

    /** Seen, given the rules of its related tasks: its main task and its subtasks. */
    public boolean canView(Actor actor, List<TaskAccess> related) {
        return canView(actor) || related.stream().anyMatch(r -> r.isPerson(actor));
    }

    public boolean canChange(Actor actor) {
        return Permissions.allowsAll(actor, kind, Action.CHANGE) || actor.is(owner) || actor.is(coOwner == null ? "" : coOwner)
                || (responsible.size() == 1 && responsible.contains(actor.username()));
    }

    /** Changed, given the rules of its containers (its live main task and project): their holders change it too. */
    public boolean canChange(Actor actor, List<TaskAccess> containers) {
        return canChange(actor) || containers.stream().anyMatch(c -> c.manages(actor));
    }

    /** As the reference product: a sole responsible user may change a task, not delete it. */
    public boolean canDelete(Actor actor) {
        return Permissions.allowsAll(actor, kind, Action.DELETE) || actor.is(owner)
                || actor.is(coOwner == null ? "" : coOwner);
    }

    /** Who may change its responsible users and co-owner: who may delete it (not a sole responsible user). */
    public boolean canReassign(Actor actor) {
        return canDelete(actor);
    }

    /** Who may change its responsible users and co-owner, given its containers, whose holders may too. */
    public boolean canReassign(Actor actor, List<TaskAccess> containers) {
        return canReassign(actor) || containers.stream().anyMatch(c -> c.manages(actor));
    }

    /** Who may add a part to it (a subtask; a project's task): who may change it ({@code containers}: its own). */
    public boolean canAddPart(Actor actor, List<TaskAccess> containers) {
        return canChange(actor, containers);
    }

    /**
     * Whether the actor may put {@code user} on a part of this task or project (responsible, co-owner,
     * subscriber, owner): themself always; anyone if they may reassign this one ({@code containers}: its own);
     * else only someone who already sees it ({@code seesIt}), so that a part never shows a container to
     * someone its holders did not let see it.
     */
    public boolean mayName(Actor actor, List<TaskAccess> containers, String user, Predicate<String> seesIt) {
        return actor.is(user) || canReassign(actor, containers) || seesIt.test(user);
    }

    /** Who may give it to another owner: its owner, chiefs, task operators and admins. */
    public boolean canTransfer(Actor actor) {
        return Permissions.allowsAll(actor, kind, Action.CHANGE) || actor.is(owner);
    }
}
