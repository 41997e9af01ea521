package dev.crm.command.contact;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.contact.ContactCommands.ChangeContact;
import dev.crm.command.contact.ContactCommands.CreateContact;
import dev.crm.command.contact.ContactCommands.FollowCompanyOwner;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.Role;
import dev.crm.shared.FieldChange;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactMoved;
import dev.crm.shared.contact.ContactOwnerChanged;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A contact takes its company's owner and department, needs a name, and follows its company's transfers. */
class ContactAggregateTest {

    AggregateTestFixture<ContactAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContactAggregate.class);
        // company 5 is mia's, in department 7, company 8 max's, in department 9, and everyone may see them; there is
        // no company 6
        fixture.registerInjectableResource((ContactCompanies) (company, actor) -> company == 5
                ? Optional.of(new ContactCompanies.Holder("mia", 7L)) : company == 8
                ? Optional.of(new ContactCompanies.Holder("max", 9L)) : Optional.empty());
        fixture.registerInjectableResource(new UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return true;
            }
        });
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    static final ContactCreated ANN = new ContactCreated(11, Map.of("firstName", "Ann", "massmail", "true"), 5, "mia", 7L);

    @Test
    void aContactGetsItsCompanysOwnerAndDepartmentWhoeverAddsIt() {
        fixture.givenNoPriorActivity().when(new CreateContact(11, 5L, Map.of("firstName", "Ann")), as("ora", Role.OPERATOR))
                .expectEvents(ANN);
        fixture.givenNoPriorActivity().when(new CreateContact(11, 6L, Map.of("firstName", "Ann")), as("ora", Role.OPERATOR))
                .expectException(Rejected.Invalid.class);
        fixture.givenNoPriorActivity().when(new CreateContact(11, null, Map.of("firstName", "Ann")), as("ora", Role.OPERATOR))
                .expectException(Rejected.Invalid.class);
        fixture.givenNoPriorActivity().when(new CreateContact(11, 5L, Map.of("jobTitle", "CEO")), as("ora", Role.OPERATOR))
                .expectException(Rejected.Invalid.class);
        fixture.givenNoPriorActivity().when(new CreateContact(11, 5L, Map.of("lastName", "Lee")), as("co", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void itKeepsAName() {
        Map<String, Object> noName = new HashMap<>();
        noName.put("firstName", null);
        fixture.given(ANN).when(new ChangeContact(11, null, noName), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void itFollowsItsCompanysTransferOnlyAsThatTransfersCausedChange() {
        fixture.given(ANN).when(new FollowCompanyOwner(11, 5, "max"), Map.of(Actor.USERNAME, "mia", Actor.ROLES,
                "manager", Causes.CAUSED_BY, 5L)).expectEvents(new ContactOwnerChanged(11, "mia", "max", 5));
        fixture.given(ANN).when(new FollowCompanyOwner(11, 5, "max"), as("mia", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(ANN).when(new FollowCompanyOwner(11, 6, "max"), Map.of(Actor.USERNAME, "mia", Actor.ROLES,
                "manager", Causes.CAUSED_BY, 6L)).expectException(Rejected.NotFound.class);
    }

    @Test
    void itMovesToAnotherCompanyTakingThatCompanysOwnerAndDepartment() {
        fixture.given(ANN).when(new ChangeContact(11, null, Map.of("company", 8L, "city", "Lyon")),
                        as("mia", Role.MANAGER))
                .expectEvents(new ContactChanged(11, List.of(FieldChange.of("city", null, "Lyon"))),
                        new ContactMoved(11, 5, 8, "mia", "max", 7L, 9L));
        // history: its company, owner and department, each from and to
        org.assertj.core.api.Assertions.assertThat(new ContactMoved(11, 5, 8, "mia", "max", 7L, 9L).changes())
                .containsExactly(FieldChange.of("company", "5", "8"), FieldChange.of("owner", "mia", "max"),
                        FieldChange.of("department", "7", "9"));
        // then it is max's: mia (a manager, "cd own") may no longer change it
        fixture.given(ANN, new ContactMoved(11, 5, 8, "mia", "max", 7L, 9L))
                .when(new ChangeContact(11, null, Map.of("city", "Rome")), as("mia", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        // the same company: nothing to move
        fixture.given(ANN).when(new ChangeContact(11, null, Map.of("company", 5L)), as("mia", Role.MANAGER))
                .expectNoEvents();
    }

    @Test
    void itMovesOnlyToACompanyTheUserSeesAndOnlyIfTheyMayChangeIt() {
        fixture.given(ANN).when(new ChangeContact(11, null, Map.of("company", 6L)), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        Map<String, Object> none = new HashMap<>();
        none.put("company", null);
        fixture.given(ANN).when(new ChangeContact(11, null, none), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        // another manager sees it but may not change it; a chief only sees it
        fixture.given(ANN).when(new ChangeContact(11, null, Map.of("company", 8L)), as("max", Role.MANAGER))
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(ANN).when(new ChangeContact(11, null, Map.of("company", 8L)), as("co", Role.CHIEF))
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void aLeadsConversionThatFoundItIsInItsHistoryOnlyAsCausedByTheLead() {
        fixture.given(ANN).when(new ContactCommands.RecordLeadConversion(11, 41), Map.of(Actor.USERNAME, "max",
                Actor.ROLES, "manager", Causes.CAUSED_BY, 41L))
                .expectEvents(new dev.crm.shared.contact.ContactLeadConverted(11, 41));
        fixture.given(ANN).when(new ContactCommands.RecordLeadConversion(11, 41), as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
    }
}
