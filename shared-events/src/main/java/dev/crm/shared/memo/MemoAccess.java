package dev.crm.shared.memo;

import static dev.crm.shared.Role.ADMIN;
import static dev.crm.shared.Role.CHIEF;
import static dev.crm.shared.Role.TASK_OPERATOR;

import dev.crm.shared.Actor;

/**
 * The memo rules, written once. The aggregate asks them before it accepts a command (the final say),
 * the query side before it shows a memo, and the pages before they show a button.
 *
 * <ul>
 *   <li>a draft is visible to its author only; a sent memo to its author, its recipient, chiefs, task
 *       operators and admins;</li>
 *   <li>the author may change and delete it until it is reviewed; chiefs, task operators and admins in
 *       any stage;</li>
 *   <li>the recipient, a chief or an admin may review a sent memo, or postpone it while it is pending.</li>
 * </ul>
 *
 * "May" questions ({@code may…}) are about who the actor is; "can" questions ({@code can…}) add the
 * memo's stage, and are what a page asks before it shows a button.
 */
public record MemoAccess(String author, String recipient, boolean draft, MemoStage stage) {

    public boolean canView(Actor actor) {
        if (actor.is(author)) {
            return true;
        }
        return !draft && (actor.is(recipient) || actor.hasAny(CHIEF, TASK_OPERATOR, ADMIN));
    }

    /** Change and delete are one right for memos. */
    public boolean canChange(Actor actor) {
        if (!canView(actor)) {
            return false;
        }
        return (!draft && actor.hasAny(CHIEF, TASK_OPERATOR, ADMIN))
                || (actor.is(author) && stage != MemoStage.REVIEWED);
    }

    public boolean canDelete(Actor actor) {
        return canChange(actor);
    }

    /** Whether the actor is one who reviews or postpones this memo, whatever its stage. */
    public boolean mayReview(Actor actor) {
        return canView(actor) && !draft && (actor.is(recipient) || actor.hasAny(CHIEF, ADMIN));
    }

    public boolean canReview(Actor actor) {
        return mayReview(actor) && stage != MemoStage.REVIEWED;
    }

    public boolean canPostpone(Actor actor) {
        return mayReview(actor) && stage == MemoStage.PENDING;
    }
}
