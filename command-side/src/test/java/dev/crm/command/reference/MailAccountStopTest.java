package dev.crm.command.reference;

import dev.crm.command.DepartmentDirectory;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.reference.ReferenceCommands.ChangeReference;
import dev.crm.command.reference.ReferenceCommands.ResumeMailAccount;
import dev.crm.command.reference.ReferenceCommands.StopMailAccount;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.reference.CurrencyCreated;
import dev.crm.shared.reference.MailAccountChanged;
import dev.crm.shared.reference.MailAccountCreated;
import dev.crm.shared.reference.MailAccountDeleted;
import dev.crm.shared.reference.MailAccountResumed;
import dev.crm.shared.reference.MailAccountStopped;
import dev.crm.shared.reference.ReferenceKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mail account whose login the server refused is stopped (once, by the system or an admin) and sends again when an
 * admin resumes it or changes its connection; other changes leave it stopped; other kinds are never stopped.
 */
class MailAccountStopTest {

    static final String REASON = "The mail server refused the account's login: 535 5.7.8 bad credentials";
    static final Map<String, String> SYSTEM = Actor.of("system", Role.ADMIN).toMetaData();
    static final Map<String, String> ADMIN = Actor.of("ada", Role.ADMIN).toMetaData();

    AggregateTestFixture<ReferenceAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReferenceAggregate.class);
        fixture.registerInjectableResource(new DepartmentDirectory() {
            @Override
            public boolean exists(long departmentId) {
                return true;
            }

            @Override
            public Optional<Long> findByName(String name) {
                return Optional.empty();
            }
        });
        fixture.registerInjectableResource((UserDirectory) username -> "mia".equals(username));
    }

    static MailAccountCreated account() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "Sales");
        values.put("host", "smtp.acme.test");
        values.put("port", "587");
        values.put("security", "starttls");
        values.put("username", "sales");
        values.put("password", ReferenceKind.HIDDEN);
        values.put("from", "sales@acme.test");
        values.put("owner", "mia");
        values.put("main", "true");
        values.put("massmail", "false");
        values.put("dailyLimit", "500");
        values.put("intervalSeconds", "0");
        return new MailAccountCreated(60, values);
    }

    @Test
    void aRefusedLoginStopsTheAccountOnce() {
        fixture.given(account()).when(new StopMailAccount(60, " " + REASON + " "), SYSTEM)
                .expectEvents(new MailAccountStopped(60, REASON));
        fixture.given(account(), new MailAccountStopped(60, REASON)).when(new StopMailAccount(60, "again"), SYSTEM)
                .expectNoEvents();
        fixture.given(account()).when(new StopMailAccount(60, "x"), Actor.of("mia", Role.MANAGER).toMetaData())
                .expectException(Rejected.Forbidden.class);
        fixture.given(account(), new MailAccountDeleted(60)).when(new StopMailAccount(60, "x"), SYSTEM)
                .expectException(Rejected.NotFound.class);
        fixture.given(new CurrencyCreated(60, Map.of("code", "EUR"))).when(new StopMailAccount(60, "x"), SYSTEM)
                .expectException(Rejected.NotFound.class);
    }

    @Test
    void anAdminResumesIt() {
        fixture.given(account(), new MailAccountStopped(60, REASON)).when(new ResumeMailAccount(60), ADMIN)
                .expectEvents(new MailAccountResumed(60, REASON));
        fixture.given(account()).when(new ResumeMailAccount(60), ADMIN).expectNoEvents();
        fixture.given(account(), new MailAccountStopped(60, REASON), new MailAccountResumed(60, REASON))
                .when(new ResumeMailAccount(60), ADMIN).expectNoEvents();
        fixture.given(account(), new MailAccountStopped(60, REASON))
                .when(new ResumeMailAccount(60), Actor.of("mia", Role.MANAGER).toMetaData())
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void aChangeOfItsConnectionResumesItAndOtherChangesDoNot() {
        fixture.given(account(), new MailAccountStopped(60, REASON))
                .when(new ChangeReference(60, ReferenceKind.MAIL_ACCOUNT, null,
                        Map.of("password", ReferenceKind.HIDDEN)), ADMIN)
                .expectEvents(new MailAccountChanged(60, Map.of("password", ReferenceKind.HIDDEN),
                        Map.of("password", ReferenceKind.HIDDEN)), new MailAccountResumed(60, REASON));
        fixture.given(account(), new MailAccountStopped(60, REASON))
                .when(new ChangeReference(60, ReferenceKind.MAIL_ACCOUNT, null, Map.of("host", "smtp2.acme.test")),
                        ADMIN)
                .expectEvents(new MailAccountChanged(60, Map.of("host", "smtp.acme.test"),
                        Map.of("host", "smtp2.acme.test")), new MailAccountResumed(60, REASON));
        fixture.given(account(), new MailAccountStopped(60, REASON))
                .when(new ChangeReference(60, ReferenceKind.MAIL_ACCOUNT, null, Map.of("name", "Sales team")), ADMIN)
                .expectEvents(new MailAccountChanged(60, Map.of("name", "Sales"), Map.of("name", "Sales team")));
        fixture.given(account())
                .when(new ChangeReference(60, ReferenceKind.MAIL_ACCOUNT, null, Map.of("port", "465")), ADMIN)
                .expectEvents(new MailAccountChanged(60, Map.of("port", "587"), Map.of("port", "465")));
    }
}
