package dev.crm.shared.task;

import static dev.crm.shared.Role.ADMIN;
import static dev.crm.shared.Role.CHIEF;
import static dev.crm.shared.Role.TASK_OPERATOR;

import dev.crm.shared.Actor;
import java.util.List;

/**
 * The task rules, written once (like {@code MemoAccess}): a task is seen by its owner, co-owner,
 * responsible users and subscribers, and by chiefs, task operators and admins; it is changed (and
 * deleted) by its owner, its co-owner, a sole responsible user, chiefs, task operators and admins.
 */
public record TaskAccess(String owner, String coOwner, List<String> responsible, List<String> subscribers) {

    public TaskAccess {
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
        subscribers = subscribers == null ? List.of() : List.copyOf(subscribers);
    }

    public boolean canView(Actor actor) {
        return actor.hasAny(CHIEF, TASK_OPERATOR, ADMIN) || actor.is(owner) || actor.is(coOwner == null ? "" : coOwner)
                || responsible.contains(actor.username()) || subscribers.contains(actor.username());
    }

    public boolean canChange(Actor actor) {
        return actor.hasAny(CHIEF, TASK_OPERATOR, ADMIN) || actor.is(owner) || actor.is(coOwner == null ? "" : coOwner)
                || (responsible.size() == 1 && responsible.contains(actor.username()));
    }

    public boolean canDelete(Actor actor) {
        return canChange(actor);
    }
}
