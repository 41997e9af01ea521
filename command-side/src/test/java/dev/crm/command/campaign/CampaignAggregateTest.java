package dev.crm.command.campaign;

import dev.crm.command.MassmailAccounts;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.VisibleObjects;
import dev.crm.command.campaign.CampaignCommands.ChangeCampaign;
import dev.crm.command.campaign.CampaignCommands.CreateCampaign;
import dev.crm.command.campaign.CampaignCommands.CancelCampaign;
import dev.crm.command.campaign.CampaignCommands.FinishCampaign;
import dev.crm.command.campaign.CampaignCommands.LaunchCampaign;
import dev.crm.command.campaign.CampaignCommands.Outcome;
import dev.crm.command.campaign.CampaignCommands.PauseCampaign;
import dev.crm.command.campaign.CampaignCommands.RecordCampaignWaiting;
import dev.crm.command.campaign.CampaignCommands.RecordRecipient;
import dev.crm.command.campaign.CampaignCommands.RecordTestSend;
import dev.crm.command.campaign.CampaignCommands.ResumeCampaign;
import dev.crm.shared.campaign.CampaignCanceled;
import dev.crm.shared.campaign.CampaignDone;
import dev.crm.shared.campaign.CampaignLaunched;
import dev.crm.shared.campaign.CampaignPaused;
import dev.crm.shared.campaign.CampaignRecipientSent;
import dev.crm.shared.campaign.CampaignRecipientSkipped;
import dev.crm.shared.campaign.CampaignResumed;
import dev.crm.shared.campaign.CampaignWaiting;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.campaign.CampaignChanged;
import dev.crm.shared.campaign.CampaignCreated;
import dev.crm.shared.campaign.CampaignTestSent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign's rules: its account must be a mass-mail one, its recipients objects the author sees, its status and
 * counts never given; managers reach their own, chiefs only view; a test send is recorded for who may change it.
 */
class CampaignAggregateTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

    AggregateTestFixture<CampaignAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CampaignAggregate.class);
        fixture.registerInjectableResource(new UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return List.of("mia", "max", "ora", "cleo").contains(username);
            }

            @Override
            public List<Long> departmentsOf(String username) {
                return List.of(7L);
            }
        });
        // account 3 is a mass-mail account, 4 an ordinary one; contacts 20..29 and lead 30 are visible
        fixture.registerInjectableResource((MassmailAccounts) account -> account == 3L);
        fixture.registerInjectableResource((VisibleObjects) (kind, id, actor) -> id >= 20L && id < 31L);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    static CreateCampaign create(Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CreateCampaign(5, fields);
    }

    static final CampaignCreated MIAS = new CampaignCreated(5, values("name", "Spring", "subject", "Hello {{first_name}}",
            "account", "3", "contacts", "20,21", "status", "draft", "sent", "0", "failed", "0", "skipped", "0"),
            "mia", 7L);

    /** Refused, with errors on exactly these fields. */
    static CustomTypeSafeMatcher<Rejected.Invalid> errorsOn(String... fields) {
        return new CustomTypeSafeMatcher<>("errors on " + List.of(fields)) {
            @Override
            protected boolean matchesSafely(Rejected.Invalid e) {
                return e.errors().stream().map(Rejected.FieldError::field).toList().equals(List.of(fields));
            }
        };
    }

    @Test
    void aDraftWithAMassmailAccountAndVisibleRecipients() {
        fixture.givenNoPriorActivity()
                .when(create("name", "Spring", "subject", "Hello {{first_name}}", "account", 3,
                        "contacts", List.of(21, 20, 21)), as("mia", Role.MANAGER))
                .expectEvents(MIAS);
    }

    @Test
    void anAccountNotMeantForMassMailIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("name", "Spring", "account", 4), as("mia", Role.MANAGER))
                .expectException(errorsOn("account"));
    }

    @Test
    void aRecipientTheAuthorCannotSeeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("name", "Spring", "account", 3, "leads", List.of(30, 44)), as("mia", Role.MANAGER))
                .expectException(errorsOn("leads"));
    }

    @Test
    void statusAndCountsAreNeverGiven() {
        fixture.givenNoPriorActivity()
                .when(create("name", "Spring", "status", "draft", "sent", 3), as("mia", Role.MANAGER))
                .expectException(errorsOn("status", "sent"));
    }

    @Test
    void aChangeOfRecipientsIsChecked() {
        fixture.given(MIAS)
                .when(new ChangeCampaign(5, null, Map.of("companies", List.of(25))), as("mia", Role.MANAGER))
                .expectEvents(new CampaignChanged(5, List.of(new FieldChange("companies", null, "25"))));
        fixture.given(MIAS)
                .when(new ChangeCampaign(5, null, Map.of("account", 4)), as("mia", Role.MANAGER))
                .expectException(errorsOn("account"));
    }

    @Test
    void chiefsOnlyViewAndOtherManagersDoNotReachIt() {
        fixture.given(MIAS)
                .when(new ChangeCampaign(5, null, Map.of("name", "Other")), as("cleo", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS)
                .when(new ChangeCampaign(5, null, Map.of("name", "Other")), as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
    }

    @Test
    void aTestSendIsRecordedForWhoMayChangeIt() {
        fixture.given(MIAS)
                .when(new RecordTestSend(5, "me@example.com"), as("mia", Role.MANAGER))
                .expectEvents(new CampaignTestSent(5, "me@example.com", NOW.toString()));
        fixture.given(MIAS)
                .when(new RecordTestSend(5, "me@example.com"), as("cleo", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
    }

    static final CampaignCreated READY = new CampaignCreated(5, values("name", "Spring", "subject", "Hello",
            "body", "Dear {{first_name}}", "account", "3", "contacts", "20,21", "leads", "30", "status", "draft",
            "sent", "0", "failed", "0", "skipped", "0"), "mia", 7L);
    static final CampaignLaunched LAUNCHED = new CampaignLaunched(5, List.of(new FieldChange("status", "draft", "running"),
            new FieldChange("total", null, "3"), new FieldChange("startedAt", null, NOW.toString())));

    @Test
    void aLaunchFreezesTheTotalAndRuns() {
        fixture.given(READY)
                .when(new LaunchCampaign(5), as("mia", Role.MANAGER))
                .expectEvents(LAUNCHED);
    }

    @Test
    void aLaunchNeedsAnAccountTextsAndRecipients() {
        fixture.given(new CampaignCreated(5, values("name", "Spring", "subject", "Hi", "body", "B", "contacts", "20",
                        "status", "draft"), "mia", 7L))
                .when(new LaunchCampaign(5), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.no-account"));
        fixture.given(new CampaignCreated(5, values("name", "Spring", "subject", "Hi", "body", "B", "account", "4",
                        "contacts", "20", "status", "draft"), "mia", 7L))
                .when(new LaunchCampaign(5), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.account-unusable"));
        fixture.given(MIAS)
                .when(new LaunchCampaign(5), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.no-text"));
        fixture.given(new CampaignCreated(5, values("name", "Spring", "subject", "Hi", "body", "B", "account", "3",
                        "status", "draft"), "mia", 7L))
                .when(new LaunchCampaign(5), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.no-recipients"));
        fixture.given(READY, LAUNCHED)
                .when(new LaunchCampaign(5), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.wrong-state"));
        fixture.given(READY)
                .when(new LaunchCampaign(5), as("cleo", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void pauseResumeAndCancelMoveItsStatus() {
        CampaignPaused paused = new CampaignPaused(5, List.of(new FieldChange("status", "running", "paused")));
        fixture.given(READY, LAUNCHED)
                .when(new PauseCampaign(5, null), as("mia", Role.MANAGER))
                .expectEvents(paused);
        fixture.given(READY, LAUNCHED, paused)
                .when(new ResumeCampaign(5), as("mia", Role.MANAGER))
                .expectEvents(new CampaignResumed(5, List.of(new FieldChange("status", "paused", "running"))));
        fixture.given(READY, LAUNCHED)
                .when(new ResumeCampaign(5), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.wrong-state"));
        fixture.given(READY, LAUNCHED, paused)
                .when(new CancelCampaign(5), as("mia", Role.MANAGER))
                .expectEvents(new CampaignCanceled(5, List.of(new FieldChange("status", "paused", "canceled"),
                        new FieldChange("endedAt", null, NOW.toString()))));
        fixture.given(READY)
                .when(new PauseCampaign(5, null), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.wrong-state"));
    }

    @Test
    void onceLaunchedItsTextsAndRecipientsStay() {
        fixture.given(READY, LAUNCHED)
                .when(new ChangeCampaign(5, null, Map.of("subject", "Other")), as("mia", Role.MANAGER))
                .expectException(wrongState("error.campaign.launched"));
        fixture.given(READY, LAUNCHED)
                .when(new ChangeCampaign(5, null, Map.of("name", "Other")), as("mia", Role.MANAGER))
                .expectEvents(new CampaignChanged(5, List.of(new FieldChange("name", "Spring", "Other"))));
    }

    @Test
    void eachRecipientIsCountedOnceAndAWaitingCampaignRunsAgain() {
        CampaignWaiting waiting = new CampaignWaiting(5, List.of(new FieldChange("status", "running", "waiting"),
                new FieldChange("reason", null, "daily limit"), new FieldChange("until", null, "2026-12-02T00:00:00Z")));
        fixture.given(READY, LAUNCHED)
                .when(new RecordCampaignWaiting(5, "daily limit", Instant.parse("2026-12-02T00:00:00Z")))
                .expectEvents(waiting);
        fixture.given(READY, LAUNCHED, waiting)
                .when(new RecordCampaignWaiting(5, "daily limit", Instant.parse("2026-12-02T00:00:00Z")))
                .expectNoEvents();
        CampaignRecipientSent sent = new CampaignRecipientSent(5, "contact", 20, "a@example.com", "<1@crm>",
                NOW.toString(), List.of(new FieldChange("sent", "0", "1"), new FieldChange("status", "waiting", "running"),
                new FieldChange("reason", "daily limit", null), new FieldChange("until", "2026-12-02T00:00:00Z", null)));
        fixture.given(READY, LAUNCHED, waiting)
                .when(new RecordRecipient(5, Outcome.SENT, "contact", 20, "a@example.com", "<1@crm>", null))
                .expectEvents(sent);
        fixture.given(READY, LAUNCHED, waiting, sent)
                .when(new RecordRecipient(5, Outcome.SENT, "contact", 20, "a@example.com", "<1@crm>", null))
                .expectNoEvents();
        fixture.given(READY, LAUNCHED, waiting, sent)
                .when(new RecordRecipient(5, Outcome.SKIPPED, "lead", 30, null, null, "unsubscribed"))
                .expectEvents(new CampaignRecipientSkipped(5, "lead", 30, null, "unsubscribed", NOW.toString(),
                        List.of(new FieldChange("skipped", "0", "1"))));
        fixture.given(READY, LAUNCHED)
                .when(new FinishCampaign(5))
                .expectEvents(new CampaignDone(5, List.of(new FieldChange("status", "running", "done"),
                        new FieldChange("endedAt", null, NOW.toString()))));
        fixture.given(READY)
                .when(new RecordRecipient(5, Outcome.SENT, "contact", 20, "a@example.com", "<1@crm>", null))
                .expectException(wrongState("error.campaign.wrong-state"));
    }

    static CustomTypeSafeMatcher<Rejected.WrongState> wrongState(String code) {
        return new CustomTypeSafeMatcher<>("409 " + code) {
            @Override
            protected boolean matchesSafely(Rejected.WrongState e) {
                return e.code().equals(code);
            }
        };
    }
}
