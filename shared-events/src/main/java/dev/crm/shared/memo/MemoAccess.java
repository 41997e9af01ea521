package dev.crm.shared.memo;


import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;

/**
 * The memo rules, written once. The aggregate asks them before it accepts a command (the final say),
 * the query side before it shows a memo, and the pages before they show a button.
 *
 * <ul>
 *   <li>a draft is visible to its author only; a sent memo to its author, its recipient, and the roles
 *       the permission matrix ({@code Permissions}) gives all memos (chiefs, task operators, admins);</li>
 *   <li>the author may change and delete it until it is reviewed; those roles in any stage;</li>
 *   <li>the recipient, a chief or an admin may review a sent memo, or postpone it while it is pending.</li>
 * </ul>
 *
 * "May" questions ({@code may…}) are about who the actor is; "can" questions ({@code can…}) add the
 * memo's stage, and are what a page asks before it shows a button.
 */
public record MemoAccess(String author, String recipient, boolean draft, MemoStage stage) {

    /** The memo row of the permission matrix, which says who reaches all (sent) memos. */
    public static final String KIND = "memo";

    public boolean canView(Actor actor) {
        if (actor.is(author)) {
            return true;
        }
        return !draft && (actor.is(recipient) || Permissions.allowsAll(actor, KIND, Action.VIEW));
    }

    /** Change and delete are one right for memos. */
    public boolean canChange(Actor actor) {
        if (!canView(actor)) {
            return false;
        }
        return (!draft && Permissions.allowsAll(actor, KIND, Action.CHANGE))
                || (actor.is(author) && stage != MemoStage.REVIEWED);
    }

    public boolean canDelete(Actor actor) {
        if (!canView(actor)) {
            return false;
        }
        return (!draft && Permissions.allowsAll(actor, KIND, Action.DELETE))
                || (actor.is(author) && stage != MemoStage.REVIEWED);
    }

    /**
     * Whether the actor may read what the memo was while it was a draft (its history before it was sent):
     * its author, and administrators, who read every history. Everyone else reads it from the moment it was
     * sent, as it was sent: a draft is the author's until then.
     */
    public boolean seesDraftHistory(Actor actor) {
        return actor.is(author) || actor.isAdmin();
    }

    /** Whether the actor is one who reviews or postpones this memo, whatever its stage. */
    public boolean mayReview(Actor actor) {
        return canView(actor) && !draft && (actor.is(recipient) || actor.hasAny(dev.crm.shared.Role.CHIEF, dev.crm.shared.Role.ADMIN));
    }

    public boolean canReview(Actor actor) {
        return mayReview(actor) && stage != MemoStage.REVIEWED;
    }

    public boolean canPostpone(Actor actor) {
        return mayReview(actor) && stage == MemoStage.PENDING;
    }
}
