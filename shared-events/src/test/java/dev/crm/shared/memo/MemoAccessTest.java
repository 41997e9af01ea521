package dev.crm.shared.memo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import org.junit.jupiter.api.Test;

class MemoAccessTest {

    static final Actor AUTHOR = Actor.of("alice");
    static final Actor RECIPIENT = Actor.of("bob");
    static final Actor STRANGER = Actor.of("carol", Role.MANAGER, Role.OPERATOR, Role.ACCOUNTANT);
    static final Actor CHIEF = Actor.of("cora", Role.CHIEF);
    static final Actor TASK_OPERATOR = Actor.of("tom", Role.TASK_OPERATOR);
    static final Actor ADMIN = Actor.of("ada", Role.ADMIN);

    static MemoAccess sent(MemoStage stage) {
        return new MemoAccess("alice", "bob", false, stage);
    }

    @Test
    void aDraftIsSeenAndChangedByItsAuthorOnly() {
        MemoAccess draft = new MemoAccess("alice", null, true, MemoStage.PENDING);
        assertThat(draft.canView(AUTHOR)).isTrue();
        assertThat(draft.canChange(AUTHOR)).isTrue();
        for (Actor other : new Actor[] {RECIPIENT, STRANGER, CHIEF, TASK_OPERATOR, ADMIN}) {
            assertThat(draft.canView(other)).as(other.username()).isFalse();
            assertThat(draft.canChange(other)).as(other.username()).isFalse();
        }
        assertThat(draft.canReview(AUTHOR)).isFalse();
    }

    @Test
    void aSentMemoIsSeenByAuthorRecipientChiefsTaskOperatorsAndAdmins() {
        MemoAccess memo = sent(MemoStage.PENDING);
        for (Actor viewer : new Actor[] {AUTHOR, RECIPIENT, CHIEF, TASK_OPERATOR, ADMIN}) {
            assertThat(memo.canView(viewer)).as(viewer.username()).isTrue();
        }
        assertThat(memo.canView(STRANGER)).isFalse();
    }

    @Test
    void theAuthorLosesChangeAndDeleteOnceReviewedButStillSeesIt() {
        assertThat(sent(MemoStage.POSTPONED).canChange(AUTHOR)).isTrue();
        MemoAccess reviewed = sent(MemoStage.REVIEWED);
        assertThat(reviewed.canView(AUTHOR)).isTrue();
        assertThat(reviewed.canChange(AUTHOR)).isFalse();
        assertThat(reviewed.canDelete(AUTHOR)).isFalse();
    }

    @Test
    void chiefsTaskOperatorsAndAdminsChangeInAnyStageTheRecipientNever() {
        for (MemoStage stage : MemoStage.values()) {
            for (Actor privileged : new Actor[] {CHIEF, TASK_OPERATOR, ADMIN}) {
                assertThat(sent(stage).canChange(privileged)).isTrue();
            }
            assertThat(sent(stage).canChange(RECIPIENT)).isFalse();
        }
    }

    @Test
    void recipientChiefAndAdminReviewAndPostponeWhileTheStageAllows() {
        for (Actor reviewer : new Actor[] {RECIPIENT, CHIEF, ADMIN}) {
            assertThat(sent(MemoStage.PENDING).canReview(reviewer)).isTrue();
            assertThat(sent(MemoStage.PENDING).canPostpone(reviewer)).isTrue();
            assertThat(sent(MemoStage.POSTPONED).canReview(reviewer)).isTrue();
            assertThat(sent(MemoStage.POSTPONED).canPostpone(reviewer)).isFalse();
            assertThat(sent(MemoStage.REVIEWED).canReview(reviewer)).isFalse();
        }
        for (Actor other : new Actor[] {AUTHOR, TASK_OPERATOR, STRANGER}) {
            assertThat(sent(MemoStage.PENDING).mayReview(other)).as(other.username()).isFalse();
        }
    }

    @Test
    void everyActorIsACoWorkerAndRolesTravelInMetadata() {
        Actor actor = Actor.of("bob", Role.CHIEF);
        assertThat(actor.has(Role.CO_WORKER)).isTrue();
        assertThat(Actor.fromMetaData(actor.toMetaData())).isEqualTo(actor);
    }

    @Test
    void whatAMemoSaidWhileADraftIsReadByItsAuthorAndAdminsOnly() {
        MemoAccess memo = sent(MemoStage.REVIEWED);
        assertThat(memo.seesDraftHistory(AUTHOR)).isTrue();
        assertThat(memo.seesDraftHistory(ADMIN)).isTrue();
        for (Actor other : new Actor[] {RECIPIENT, STRANGER, CHIEF, TASK_OPERATOR}) {
            assertThat(memo.seesDraftHistory(other)).as(other.username()).isFalse();
        }
    }
}
