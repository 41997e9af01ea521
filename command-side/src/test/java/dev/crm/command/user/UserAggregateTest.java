package dev.crm.command.user;

import dev.crm.command.Rejected;
import dev.crm.command.user.UserCommands.ChangeUserRoles;
import dev.crm.command.user.UserCommands.CreateUser;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserRolesChanged;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAggregateTest {

    AggregateTestFixture<UserAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
    }

    @Test
    void adminCreatesAUserAndTheImplicitCoWorkerRoleIsNotStored() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser("bob", " Bob ", Set.of(Role.CO_WORKER, Role.MANAGER, Role.CHIEF)),
                        Actor.of("ada", Role.ADMIN).toMetaData())
                .expectEvents(new UserCreated("bob", "Bob", List.of(Role.CHIEF, Role.MANAGER)));
    }

    @Test
    void onlyAdminsCreateUsers() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser("bob", null, Set.of()), Actor.of("cora", Role.CHIEF).toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void aUsernameStartsWithALetterSoItCannotBeMistakenForAnObjectId() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser("42", null, Set.of()), Actor.of("ada", Role.ADMIN).toMetaData())
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void adminChangesRolesAndTheEventHoldsBoth() {
        fixture.given(new UserCreated("bob", "Bob", List.of(Role.MANAGER)))
                .when(new ChangeUserRoles("bob", Set.of(Role.OPERATOR)), Actor.of("ada", Role.ADMIN).toMetaData())
                .expectEvents(new UserRolesChanged("bob", List.of(Role.MANAGER), List.of(Role.OPERATOR)));
    }

    @Test
    void settingTheSameRolesStoresNothing() {
        fixture.given(new UserCreated("bob", "Bob", List.of(Role.MANAGER)))
                .when(new ChangeUserRoles("bob", Set.of(Role.MANAGER)), Actor.of("ada", Role.ADMIN).toMetaData())
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
