package dev.crm.command.email;

import static dev.crm.command.FieldErrors.errorsOn;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.email.EmailCommands.ChangeEmail;
import dev.crm.command.email.EmailCommands.CreateEmail;
import dev.crm.command.email.EmailCommands.DeleteEmail;
import dev.crm.command.email.EmailCommands.QueueEmail;
import dev.crm.command.email.EmailCommands.RecordEmailFailed;
import dev.crm.command.email.EmailCommands.RecordEmailSent;
import dev.crm.command.email.EmailCommands.RecordEmailWaiting;
import dev.crm.command.email.EmailCommands.Reply;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.email.EmailChanged;
import dev.crm.shared.email.EmailCreated;
import dev.crm.shared.email.EmailDeleted;
import dev.crm.shared.email.EmailFailed;
import dev.crm.shared.email.EmailQueued;
import dev.crm.shared.email.EmailSent;
import dev.crm.shared.email.EmailWaiting;
import dev.crm.shared.email.EmailKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An e-mail's rules: exactly one object it is written from, which the writer sees; addresses checked one by one;
 * only a draft changes, never its object nor what actions set; a reply's thread; the matrix.
 */
class EmailAggregateTest {

    static final String DEAL = EmailKind.DEAL.name();
    static final String CONTACT = EmailKind.CONTACT.name();

    AggregateTestFixture<EmailAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EmailAggregate.class);
        fixture.registerInjectableResource(new UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return List.of("mia", "max", "ora").contains(username);
            }

            @Override
            public List<Long> departmentsOf(String username) {
                return username.equals("ora") || username.equals("mia") ? List.of(7L) : List.of(8L);
            }
        });
        // objects 20 to 39 (and e-mails 9 and 10) may be seen; any other is missing or hidden, which answers the same
        fixture.registerInjectableResource((dev.crm.command.VisibleObjects) (kind, id, actor) ->
                kind.equals(EmailKind.KIND) ? id == 9L || id == 10L : id >= 20L && id < 40L);
    }

    @Test
    void aDraftFromOneVisibleObjectOwnedByItsWriter() {
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 20L, "to",
                List.of(" ann@acme.test", "Bob@acme.test", "ANN@acme.test")), null), as("mia", Role.MANAGER))
                .expectEvents(MIAS);
    }

    @Test
    void exactlyOneObjectItIsWrittenFrom() {
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer"), null),
                as("mia", Role.MANAGER)).expectException(errorsOn(DEAL)).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 20L, CONTACT, 21L),
                null), as("mia", Role.MANAGER)).expectException(errorsOn(CONTACT)).expectNoEvents();
    }

    @Test
    void theObjectMustBeOneTheWriterSees() {
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 99L), null),
                as("mia", Role.MANAGER)).expectException(errorsOn(DEAL)).expectNoEvents();
    }

    @Test
    void everyAddressIsCheckedAndTheirNumberBounded() {
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 20L, "cc",
                List.of("ann@acme.test", "not an address")), null), as("mia", Role.MANAGER))
                .expectException(errorsOn("cc")).expectNoEvents();
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            many.add("p" + i + "@acme.test");
        }
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 20L, "bcc", many),
                null), as("mia", Role.MANAGER)).expectException(errorsOn("bcc")).expectNoEvents();
    }

    @Test
    void whatActionsSetIsNeverGiven() {
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 20L, "status", "sent"),
                null), as("mia", Role.MANAGER)).expectException(errorsOn("status")).expectNoEvents();
        fixture.given(MIAS).when(new ChangeEmail(9, null, Map.of("sent", true)), as("mia", Role.MANAGER))
                .expectException(errorsOn("sent")).expectNoEvents();
    }

    @Test
    void onlyADraftChangesAndNeverItsObject() {
        fixture.given(MIAS).when(new ChangeEmail(9, null, Map.of("body", "Hello\nAnn")), as("mia", Role.MANAGER))
                .expectEvents(new EmailChanged(9, List.of(FieldChange.of("body", null, "Hello\nAnn"))));
        // the object it has may be named again, another not
        fixture.given(MIAS).when(new ChangeEmail(9, null, Map.of(DEAL, 20L)), as("mia", Role.MANAGER))
                .expectNoEvents();
        fixture.given(MIAS).when(new ChangeEmail(9, null, Map.of(DEAL, 21L)), as("mia", Role.MANAGER))
                .expectException(errorsOn(DEAL)).expectNoEvents();
        fixture.given(MIAS, new EmailChanged(9, List.of(FieldChange.of("status", "draft", "sent"))))
                .when(new ChangeEmail(9, null, Map.of("body", "late")), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class).expectNoEvents();
    }

    @Test
    void aReplySharesTheThreadOfWhatItAnswers() {
        Map<String, String> fields = new LinkedHashMap<>(fresh("Re: Offer", "ann@acme.test"));
        fields.put("inReplyTo", "9");
        fields.put("thread", "9");
        fixture.givenNoPriorActivity().when(new CreateEmail(11, given("subject", "Re: Offer", DEAL, 20L, "to",
                List.of("ann@acme.test")), new Reply(9, 9)), as("mia", Role.MANAGER))
                .expectEvents(new EmailCreated(11, fields, "mia", 7L));
        // an e-mail the writer may not see cannot be answered
        fixture.givenNoPriorActivity().when(new CreateEmail(11, given("subject", "Re: Offer", DEAL, 20L),
                new Reply(12, 12)), as("mia", Role.MANAGER)).expectException(errorsOn("inReplyTo")).expectNoEvents();
    }

    @Test
    void theMatrixOwnForManagersDepartmentForOperatorsViewForChiefs() {
        fixture.given(MIAS).when(new ChangeEmail(9, null, Map.of("body", "x")), as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new ChangeEmail(9, null, Map.of("body", "x")), as("ora", Role.OPERATOR))
                .expectEvents(new EmailChanged(9, List.of(FieldChange.of("body", null, "x"))));
        fixture.given(MIAS).when(new DeleteEmail(9, null), as("max", Role.OPERATOR))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new DeleteEmail(9, null), as("max", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
        fixture.givenNoPriorActivity().when(new CreateEmail(9, given("subject", "Offer", DEAL, 20L), null),
                as("max", Role.CHIEF)).expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new DeleteEmail(9, null), as("mia", Role.MANAGER))
                .expectEvents(new EmailDeleted(9));
    }

    static final EmailQueued QUEUED = new EmailQueued(9, 1, 60, "<m1@acme.test>",
            List.of(FieldChange.of("status", "draft", "queued")));

    @Test
    void aDraftIsQueuedByWhoMayChangeItAsItsFirstAttempt() {
        fixture.given(MIAS).when(new QueueEmail(9, 60, "<m1@acme.test>"), as("mia", Role.MANAGER))
                .expectEvents(QUEUED);
        fixture.given(MIAS).when(new QueueEmail(9, 60, "<m1@acme.test>"), as("max", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new QueueEmail(9, 60, "<m1@acme.test>"), as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS, QUEUED).when(new QueueEmail(9, 60, "<m2@acme.test>"), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class);
        fixture.given(MIAS, QUEUED).when(new ChangeEmail(9, null, Map.of("body", "x")), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class);
    }

    @Test
    void theOutcomeOfTheCurrentAttemptIsRecordedOnce() {
        java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
        EmailSent sent = new EmailSent(9, 1, List.of(FieldChange.of("status", "queued", "sent"),
                FieldChange.of("sent", "false", "true"), FieldChange.of("sentAt", null, at.toString())));
        fixture.given(MIAS, QUEUED).when(new RecordEmailSent(9, 1, at)).expectEvents(sent);
        fixture.given(MIAS, QUEUED, sent).when(new RecordEmailSent(9, 1, at))
                .expectException(Rejected.WrongState.class);
        fixture.given(MIAS, QUEUED).when(new RecordEmailSent(9, 2, at)).expectException(Rejected.WrongState.class);
        fixture.given(MIAS).when(new RecordEmailFailed(9, 1, "x")).expectException(Rejected.WrongState.class);
        fixture.given(MIAS, QUEUED, sent).when(new QueueEmail(9, 60, "<m2@acme.test>"), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class);
    }

    @Test
    void anEmailWaitingForItsAccountSaysWhyOnceAndLosesTheReasonWhenSent() {
        EmailWaiting waiting = new EmailWaiting(9, 1, List.of(FieldChange.of("failure", null, "account 60 stopped")));
        fixture.given(MIAS, QUEUED).when(new RecordEmailWaiting(9, 1, " account 60 stopped ")).expectEvents(waiting);
        fixture.given(MIAS, QUEUED, waiting).when(new RecordEmailWaiting(9, 1, "account 60 stopped"))
                .expectNoEvents();
        fixture.given(MIAS, QUEUED).when(new RecordEmailWaiting(9, 2, "x")).expectException(Rejected.WrongState.class);
        fixture.given(MIAS).when(new RecordEmailWaiting(9, 1, "x")).expectException(Rejected.WrongState.class);
        java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
        fixture.given(MIAS, QUEUED, waiting).when(new RecordEmailSent(9, 1, at)).expectEvents(new EmailSent(9, 1,
                List.of(FieldChange.of("status", "queued", "sent"), FieldChange.of("sent", "false", "true"),
                        FieldChange.of("sentAt", null, at.toString()),
                        FieldChange.of("failure", "account 60 stopped", null))));
        fixture.given(MIAS, QUEUED, waiting).when(new RecordEmailFailed(9, 1, "unknown outcome"))
                .expectEvents(new EmailFailed(9, 1, List.of(FieldChange.of("status", "queued", "failed"),
                        FieldChange.of("failure", "account 60 stopped", "unknown outcome"))));
    }

    @Test
    void aFailedEmailIsSentAgainAsANewAttempt() {
        EmailFailed failed = new EmailFailed(9, 1, List.of(FieldChange.of("status", "queued", "failed"),
                FieldChange.of("failure", null, "550 no such user")));
        fixture.given(MIAS, QUEUED).when(new RecordEmailFailed(9, 1, " 550 no such user ")).expectEvents(failed);
        fixture.given(MIAS, QUEUED, failed).when(new QueueEmail(9, 61, "<m2@acme.test>"), as("mia", Role.MANAGER))
                .expectEvents(new EmailQueued(9, 2, 61, "<m2@acme.test>", List.of(
                        FieldChange.of("status", "failed", "queued"), FieldChange.of("failure", "550 no such user",
                                null))));
        fixture.given(MIAS, QUEUED, failed).when(new ChangeEmail(9, null, Map.of("body", "x")),
                as("mia", Role.MANAGER)).expectException(Rejected.WrongState.class);
    }

    @Test
    void aReceivedEmailIsOnlyViewedButGoesWithItsObject() {
        EmailCreated received = new EmailCreated(9, withIncoming(), "mia", 7L);
        fixture.given(received).when(new ChangeEmail(9, null, Map.of("body", "x")), as("mia", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        fixture.given(received).when(new DeleteEmail(9, null), as("mia", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        fixture.given(received).when(new DeleteEmail(9, null), part("mia", Role.MANAGER))
                .expectEvents(new EmailDeleted(9));
    }

    /** A conversion of its lead moves it to the contact the lead became: only as caused by that lead. */
    @Test
    void itsLeadsConversionMovesItToTheContact() {
        Map<String, String> fields = new LinkedHashMap<>(fresh("Hello", "pia@acme.test"));
        fields.remove(DEAL);
        fields.put("lead", "30");
        EmailCreated ofLead = new EmailCreated(9, fields, "mia", 7L);
        Map<String, Object> byConversion = new HashMap<>(Actor.of("max", Role.MANAGER).toMetaData());
        byConversion.put(dev.crm.shared.Causes.CAUSED_BY, 30L);
        fixture.given(ofLead).when(new dev.crm.command.email.EmailCommands.FollowConvertedLead(9, 30, 41),
                        byConversion)
                .expectEvents(new dev.crm.shared.email.EmailChanged(9, List.of(
                        dev.crm.shared.FieldChange.of("contact", null, "41"),
                        dev.crm.shared.FieldChange.of("lead", "30", null))));
        fixture.given(ofLead).when(new dev.crm.command.email.EmailCommands.FollowConvertedLead(9, 30, 41),
                        as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new dev.crm.command.email.EmailCommands.FollowConvertedLead(9, 30, 41),
                        byConversion)
                .expectException(Rejected.NotFound.class);
    }

    static final EmailCreated MIAS = new EmailCreated(9, fresh("Offer", "ann@acme.test, Bob@acme.test"), "mia", 7L);

    /** What a new draft from deal 20 has. */
    static Map<String, String> fresh(String subject, String to) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("to", to);
        fields.put(DEAL, "20");
        fields.put("status", "draft");
        fields.put("sent", "false");
        fields.put("incoming", "false");
        fields.put("thread", "9");
        return fields;
    }

    static Map<String, String> withIncoming() {
        Map<String, String> fields = new LinkedHashMap<>(fresh("Question", "mia@crm.test"));
        fields.put("incoming", "true");
        return fields;
    }

    static Map<String, Object> given(Object... pairs) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            given.put((String) pairs[i], pairs[i + 1]);
        }
        return given;
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    static Map<String, Object> part(String user, Role role) {
        Map<String, Object> metaData = new HashMap<>(Actor.of(user, role).toMetaData());
        metaData.put(dev.crm.shared.Deletion.CASCADE, "c1");
        metaData.put(dev.crm.shared.Deletion.DELETED_WITH, 20L);
        return metaData;
    }
}
