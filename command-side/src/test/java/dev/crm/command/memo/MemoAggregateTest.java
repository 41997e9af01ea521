package dev.crm.command.memo;

import dev.crm.command.memo.MemoCommands.RestoreMemo;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoRestored;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.memo.MemoCommands.ChangeMemo;
import dev.crm.command.memo.MemoCommands.CreateMemo;
import dev.crm.command.memo.MemoCommands.DeleteMemo;
import dev.crm.command.memo.MemoCommands.PostponeMemo;
import dev.crm.command.memo.MemoCommands.ReviewMemo;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every memo rule, given the memo's past events, when a user sends a command, then these events or this refusal. */
class MemoAggregateTest {

    static final long ID = 42;
    static final Map<String, String> ALICE = Actor.of("alice").toMetaData();
    static final Map<String, String> BOB = Actor.of("bob").toMetaData();
    static final Map<String, String> CAROL = Actor.of("carol").toMetaData();
    static final Map<String, String> CHIEF = Actor.of("cora", Role.CHIEF).toMetaData();
    static final Map<String, String> TASK_OPERATOR = Actor.of("tom", Role.TASK_OPERATOR).toMetaData();
    static final Map<String, String> ADMIN = Actor.of("ada", Role.ADMIN).toMetaData();
    static final Set<String> USERS = Set.of("alice", "bob", "carol", "cora", "tom", "ada");

    static final MemoCreated SENT = new MemoCreated(ID, "Call ACME", "renewal", "bob", false, "alice");
    static final MemoCreated DRAFT = new MemoCreated(ID, "Call ACME", null, null, true, "alice");
    static final MemoReviewed REVIEWED = new MemoReviewed(ID, "Done", MemoStage.PENDING, null);

    /** Deal 61 is alice's and the chief's to see; deal 62 exists for nobody here. */
    static final long DEAL = 61;
    static final long HIDDEN_DEAL = 62;
    static final dev.crm.command.VisibleObjects DEALS = (kind, id, actor) -> kind.equals(dev.crm.shared.deal.DealKind.KIND)
            && id == DEAL && (actor.is("alice") || actor.is("cora"));

    AggregateTestFixture<MemoAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemoAggregate.class);
        fixture.registerInjectableResource((UserDirectory) USERS::contains);
        fixture.registerInjectableResource(DEALS);
    }

    private ResultValidator<MemoAggregate> expectRejected(ResultValidator<MemoAggregate> result,
                                                          Class<? extends Rejected> type, String code) {
        return result.expectException(type).expectExceptionMessage(code).expectNoEvents();
    }

    // --- create ---

    @Test
    void anyUserWritesAMemoToARecipient() {
        fixture.givenNoPriorActivity()
                .when(new CreateMemo(ID, "  Call ACME ", "renewal", "bob", false), ALICE)
                .expectSuccessfulHandlerExecution()
                .expectEvents(SENT);
    }

    @Test
    void aDraftNeedsNoRecipient() {
        fixture.givenNoPriorActivity()
                .when(new CreateMemo(ID, "Call ACME", " ", null, true), ALICE)
                .expectEvents(DRAFT);
    }

    @Test
    void aMemoNeedsATitle() {
        expectRejected(fixture.givenNoPriorActivity().when(new CreateMemo(ID, "  ", null, "bob", false), ALICE),
                Rejected.Invalid.class, "error.invalid");
    }

    @Test
    void aSentMemoNeedsARecipientWhoExists() {
        fixture.givenNoPriorActivity().when(new CreateMemo(ID, "t", null, null, false), ALICE)
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateMemo(ID, "t", null, "nobody", false), ALICE)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        fixture.givenNoPriorActivity().when(new CreateMemo(ID, "x".repeat(201), null, "nobody", false), ALICE)
                .expectException(new org.hamcrest.CustomTypeSafeMatcher<Rejected.Invalid>("errors on title and to") {
                    @Override
                    protected boolean matchesSafely(Rejected.Invalid e) {
                        return e.errors().stream().map(Rejected.FieldError::field).toList()
                                .equals(List.of("title", "to"));
                    }
                });
    }

    @Test
    void aCommandWithoutAnActingUserIsRefused() {
        fixture.givenNoPriorActivity().when(new CreateMemo(ID, "t", null, "bob", false))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }

    // --- change ---

    @Test
    void authorChangesPendingMemoAndTheEventHoldsOldAndNewValues() {
        fixture.given(SENT)
                .when(new ChangeMemo(ID, 1L, "Call ACME today", null, "carol", null), ALICE)
                .expectEvents(new MemoChanged(ID, List.of(FieldChange.of("title", "Call ACME", "Call ACME today"),
                        FieldChange.of("to", "bob", "carol"))))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aChangeThatChangesNothingStoresNothing() {
        fixture.given(SENT).when(new ChangeMemo(ID, null, "Call ACME", "renewal", null, null), ALICE)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void authorCannotChangeReviewedMemo() {
        expectRejected(fixture.given(SENT, REVIEWED).when(new ChangeMemo(ID, null, "x", null, null, null), ALICE),
                Rejected.Forbidden.class, "error.memo.reviewed-locked");
    }

    @Test
    void authorCannotDeleteReviewedMemo() {
        expectRejected(fixture.given(SENT, REVIEWED).when(new DeleteMemo(ID, null), ALICE),
                Rejected.Forbidden.class, "error.memo.reviewed-locked");
    }

    @Test
    void chiefsTaskOperatorsAndAdminsChangeAMemoInAnyStage() {
        for (Map<String, String> privileged : List.of(CHIEF, TASK_OPERATOR, ADMIN)) {
            fixture.given(SENT, REVIEWED).when(new ChangeMemo(ID, null, "Edited", null, null, null), privileged)
                    .expectEvents(new MemoChanged(ID, List.of(FieldChange.of("title", "Call ACME", "Edited"))));
        }
    }

    @Test
    void recipientMayNotChangeTheMemo() {
        expectRejected(fixture.given(SENT).when(new ChangeMemo(ID, null, "x", null, null, null), BOB),
                Rejected.Forbidden.class, "error.memo.change-forbidden");
    }

    @Test
    void aUserWhoMayNotSeeTheMemoIsToldItDoesNotExist() {
        expectRejected(fixture.given(SENT).when(new ChangeMemo(ID, null, "x", null, null, null), CAROL),
                Rejected.NotFound.class, "error.not-found");
    }

    @Test
    void aDraftIsHiddenEvenFromChiefsAndAdmins() {
        for (Map<String, String> other : List.of(BOB, CHIEF, ADMIN)) {
            expectRejected(fixture.given(DRAFT).when(new ChangeMemo(ID, null, "x", null, null, null), other),
                    Rejected.NotFound.class, "error.not-found");
        }
    }

    @Test
    void authorSendsADraftByNamingARecipient() {
        fixture.given(DRAFT).when(new ChangeMemo(ID, null, null, null, "bob", false), ALICE)
                .expectEvents(new MemoChanged(ID, List.of(FieldChange.of("to", null, "bob"),
                        FieldChange.of("draft", true, false))));
    }

    @Test
    void aDraftCannotBeSentWithoutARecipient() {
        fixture.given(DRAFT).when(new ChangeMemo(ID, null, null, null, null, false), ALICE)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aSentMemoCannotBecomeADraftAgain() {
        fixture.given(SENT).when(new ChangeMemo(ID, null, null, null, null, true), ALICE)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(SENT, new MemoChanged(ID, List.of(FieldChange.of("title", "Call ACME", "v2"))))
                .when(new ChangeMemo(ID, 1L, "v3", null, null, null), ALICE)
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
    }

    // --- review and postpone ---

    @Test
    void recipientReviewsWithAConclusion() {
        fixture.given(SENT).when(new ReviewMemo(ID, null, " Done "), BOB)
                .expectEvents(REVIEWED).expectResultMessagePayload(2L);
    }

    @Test
    void aChiefAndAnAdminMayReviewToo() {
        for (Map<String, String> reviewer : List.of(CHIEF, ADMIN)) {
            fixture.given(SENT).when(new ReviewMemo(ID, null, "Done"), reviewer).expectEvents(REVIEWED);
        }
    }

    @Test
    void authorAndTaskOperatorMayNotReview() {
        for (Map<String, String> other : List.of(ALICE, TASK_OPERATOR)) {
            expectRejected(fixture.given(SENT).when(new ReviewMemo(ID, null, "x"), other),
                    Rejected.Forbidden.class, "error.memo.review-forbidden");
        }
    }

    @Test
    void aReviewedMemoCannotBeReviewedAgain() {
        expectRejected(fixture.given(SENT, REVIEWED).when(new ReviewMemo(ID, null, "again"), BOB),
                Rejected.WrongState.class, "error.memo.already-reviewed");
    }

    @Test
    void aDraftCannotBeReviewed() {
        expectRejected(fixture.given(DRAFT).when(new ReviewMemo(ID, null, "x"), ALICE),
                Rejected.WrongState.class, "error.memo.draft-not-sent");
    }

    @Test
    void recipientPostponesAPendingMemoAndMayReviewItLater() {
        fixture.given(SENT).when(new PostponeMemo(ID, null), BOB)
                .expectEvents(new MemoPostponed(ID, MemoStage.PENDING));
        fixture.given(SENT, new MemoPostponed(ID, MemoStage.PENDING)).when(new ReviewMemo(ID, null, null), BOB)
                .expectEvents(new MemoReviewed(ID, null, MemoStage.POSTPONED, null));
    }

    @Test
    void onlyAPendingMemoCanBePostponed() {
        expectRejected(fixture.given(SENT, new MemoPostponed(ID, MemoStage.PENDING)).when(new PostponeMemo(ID, null), BOB),
                Rejected.WrongState.class, "error.memo.not-pending");
        expectRejected(fixture.given(SENT, REVIEWED).when(new PostponeMemo(ID, null), BOB),
                Rejected.WrongState.class, "error.memo.not-pending");
    }

    // --- delete ---

    @Test
    void authorDeletesPendingMemo() {
        fixture.given(SENT).when(new DeleteMemo(ID, 1L), ALICE).expectEvents(new MemoDeleted(ID));
    }

    @Test
    void aDeletedMemoAnswersEveryCommandAsIfItDidNotExist() {
        fixture.given(SENT, new MemoDeleted(ID)).when(new ReviewMemo(ID, null, "x"), ADMIN)
                .expectException(Rejected.NotFound.class).expectNoEvents();
        fixture.given(SENT, new MemoDeleted(ID)).when(new DeleteMemo(ID, null), ALICE)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }

    @Test
    void onlyAnAdminRestoresADeletedMemoAndItsTimelineGoesOn() {
        fixture.given(SENT, new MemoDeleted(ID)).when(new RestoreMemo(ID), ADMIN).expectEvents(new MemoRestored(ID));
        fixture.given(SENT, new MemoDeleted(ID)).when(new RestoreMemo(ID), CHIEF)
                .expectException(dev.crm.command.Rejected.Forbidden.class).expectNoEvents();
        fixture.given(SENT).when(new RestoreMemo(ID), ADMIN)
                .expectException(dev.crm.command.Rejected.WrongState.class).expectNoEvents();
        // restored, it takes commands again
        fixture.given(SENT, new MemoDeleted(ID), new MemoRestored(ID))
                .when(new dev.crm.command.memo.MemoCommands.PostponeMemo(ID, 3L), BOB)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMemoBelongsToItsAuthorsFirstDepartment() {
        AggregateTestFixture<MemoAggregate> withDepartments = new AggregateTestFixture<>(MemoAggregate.class);
        withDepartments.registerInjectableResource(new dev.crm.command.UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return USERS.contains(username);
            }

            @Override
            public List<Long> departmentsOf(String username) {
                return username.equals("alice") ? List.of(7L, 9L) : List.of();
            }
        });
        withDepartments.registerInjectableResource(DEALS);
        withDepartments.givenNoPriorActivity().when(new CreateMemo(ID, "Call ACME", null, "bob", false), ALICE)
                .expectEvents(new MemoCreated(ID, "Call ACME", null, "bob", false, "alice", 7L));
    }

    // --- its deal ---

    @Test
    void aMemoMayBeWrittenAboutADealItsAuthorSees() {
        fixture.givenNoPriorActivity().when(new CreateMemo(ID, "Call ACME", null, "bob", false, DEAL), ALICE)
                .expectEvents(new MemoCreated(ID, "Call ACME", null, "bob", false, "alice", null, DEAL));
    }

    @Test
    void aDealTheAuthorMayNotSeeIsRefusedAsAMissingOneIs() {
        for (long deal : List.of(HIDDEN_DEAL, 999L)) {
            fixture.givenNoPriorActivity().when(new CreateMemo(ID, "t", null, "bob", false, deal), ALICE)
                    .expectException(new org.hamcrest.CustomTypeSafeMatcher<Rejected.Invalid>("an error on deal") {
                        @Override
                        protected boolean matchesSafely(Rejected.Invalid e) {
                            return e.errors().stream().map(Rejected.FieldError::field).toList().equals(List.of("deal"))
                                    && e.errors().get(0).code().equals("validation.memo.unknown-deal");
                        }
                    }).expectNoEvents();
        }
        // bob may not see deal 61: for him it is as missing as the others
        fixture.givenNoPriorActivity().when(new CreateMemo(ID, "t", null, "alice", false, DEAL), BOB)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void theAuthorPutsAMemoOnADealMovesItAndTakesItOff() {
        fixture.given(SENT).when(new ChangeMemo(ID, null, null, null, null, null, " 61 "), ALICE)
                .expectEvents(new MemoChanged(ID, List.of(FieldChange.of("deal", null, "61"))));
        MemoCreated onDeal = new MemoCreated(ID, "Call ACME", "renewal", "bob", false, "alice", null, DEAL);
        fixture.given(onDeal).when(new ChangeMemo(ID, null, null, null, null, null, ""), ALICE)
                .expectEvents(new MemoChanged(ID, List.of(FieldChange.of("deal", "61", null))));
        // the same deal again, or none given: nothing changes
        fixture.given(onDeal).when(new ChangeMemo(ID, null, null, null, null, null, "61"), ALICE).expectNoEvents();
        fixture.given(onDeal).when(new ChangeMemo(ID, null, "Call ACME", null, null, null), ALICE).expectNoEvents();
    }

    @Test
    void aChangeToADealOneMayNotSeeOrToNoIdIsRefused() {
        for (String deal : List.of("62", "x", "-1")) {
            expectRejected(fixture.given(SENT).when(new ChangeMemo(ID, null, null, null, null, null, deal), ALICE),
                    Rejected.Invalid.class, "error.invalid");
        }
    }

    @Test
    void theDealFollowsTheMemosChangeRules() {
        // the recipient may not put it on a deal, nor may anyone once it is reviewed (but those who change all)
        expectRejected(fixture.given(SENT).when(new ChangeMemo(ID, null, null, null, null, null, "61"), BOB),
                Rejected.Forbidden.class, "error.memo.change-forbidden");
        expectRejected(fixture.given(SENT, REVIEWED).when(new ChangeMemo(ID, null, null, null, null, null, "61"), ALICE),
                Rejected.Forbidden.class, "error.memo.reviewed-locked");
        fixture.given(SENT, REVIEWED).when(new ChangeMemo(ID, null, null, null, null, null, "61"), CHIEF)
                .expectEvents(new MemoChanged(ID, List.of(FieldChange.of("deal", null, "61"))));
    }

    @Test
    void aMemoGoesWithItsDealWhoeverDeletesIt() {
        Map<String, Object> part = new java.util.HashMap<>(CAROL);
        part.put(dev.crm.shared.Deletion.CASCADE, "c1");
        part.put(dev.crm.shared.Deletion.DELETED_WITH, DEAL);
        // carol may not even see alice's draft; deleted with its deal, it goes all the same
        fixture.given(new MemoCreated(ID, "t", null, null, true, "alice", null, DEAL)).when(new DeleteMemo(ID, null), part)
                .expectEvents(new MemoDeleted(ID));
        fixture.given(SENT, REVIEWED).when(new DeleteMemo(ID, null), part).expectEvents(new MemoDeleted(ID));
        // without the cascade, she is told it does not exist
        fixture.given(new MemoCreated(ID, "t", null, null, true, "alice", null, DEAL)).when(new DeleteMemo(ID, null), CAROL)
                .expectException(Rejected.NotFound.class).expectNoEvents();
        // deleted already: not found, as for every command
        fixture.given(SENT, new MemoDeleted(ID)).when(new DeleteMemo(ID, null), part)
                .expectException(Rejected.NotFound.class).expectNoEvents();
    }
}
