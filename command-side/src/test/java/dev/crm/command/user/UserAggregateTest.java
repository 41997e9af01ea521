package dev.crm.command.user;

import dev.crm.command.DepartmentDirectory;
import dev.crm.command.Rejected;
import dev.crm.command.user.UserCommands.ChangeUserDepartments;
import dev.crm.command.user.UserCommands.ChangeUserRoles;
import dev.crm.command.user.UserCommands.CreateUser;
import dev.crm.command.user.UserCommands.DeactivateUser;
import dev.crm.command.user.UserCommands.ReactivateUser;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
import dev.crm.shared.user.UserDepartmentsChanged;
import dev.crm.shared.user.UserReactivated;
import dev.crm.shared.user.UserRolesChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAggregateTest {

    AggregateTestFixture<UserAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        fixture.registerInjectableResource(new DepartmentDirectory() {
            @Override
            public boolean exists(long departmentId) {
                return DEPARTMENTS.contains(departmentId);
            }

            @Override
            public Optional<Long> findByName(String name) {
                return Optional.empty();
            }
        });
    }

    static final Set<Long> DEPARTMENTS = Set.of(7L, 8L, 9L);
    static final Map<String, String> ADMIN = Actor.of("ada", Role.ADMIN).toMetaData();

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

    // --- user administration ---

    @Test
    void anAdminCannotTakeTheAdminRoleFromThemself() {
        fixture.given(new UserCreated("ada", "Ada", List.of(Role.ADMIN)))
                .when(new ChangeUserRoles("ada", Set.of(Role.CHIEF)), ADMIN)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void anAdminTakesTheAdminRoleFromAnotherAdmin() {
        fixture.given(new UserCreated("bob", "Bob", List.of(Role.ADMIN)))
                .when(new ChangeUserRoles("bob", Set.of()), ADMIN)
                .expectEvents(new UserRolesChanged("bob", List.of(Role.ADMIN), List.of()));
    }

    @Test
    void adminPutsAUserIntoDepartmentsInAscendingOrder() {
        fixture.given(new UserCreated("bob", "Bob", List.of()))
                .when(new ChangeUserDepartments("bob", Set.of(9L, 7L)), ADMIN)
                .expectEvents(new UserDepartmentsChanged("bob", List.of(), List.of(7L, 9L)));
    }

    @Test
    void departmentsChangeHoldsTheOldAndTheNewDepartments() {
        fixture.given(new UserCreated("bob", "Bob", List.of()), new UserDepartmentsChanged("bob", List.of(), List.of(7L)))
                .when(new ChangeUserDepartments("bob", Set.of(8L)), ADMIN)
                .expectEvents(new UserDepartmentsChanged("bob", List.of(7L), List.of(8L)));
    }

    @Test
    void anUnknownDepartmentIsRefused() {
        fixture.given(new UserCreated("bob", "Bob", List.of()))
                .when(new ChangeUserDepartments("bob", Set.of(7L, 42L)), ADMIN)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void theSameDepartmentsStoreNothing() {
        fixture.given(new UserCreated("bob", "Bob", List.of()), new UserDepartmentsChanged("bob", List.of(), List.of(7L)))
                .when(new ChangeUserDepartments("bob", Set.of(7L)), ADMIN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyAdminsChangeDepartments() {
        fixture.given(new UserCreated("bob", "Bob", List.of()))
                .when(new ChangeUserDepartments("bob", Set.of(7L)), Actor.of("cora", Role.CHIEF).toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void adminDeactivatesAUser() {
        fixture.given(new UserCreated("bob", "Bob", List.of(Role.MANAGER)))
                .when(new DeactivateUser("bob"), ADMIN)
                .expectEvents(new UserDeactivated("bob"));
    }

    @Test
    void anAdminCannotDeactivateThemself() {
        fixture.given(new UserCreated("ada", "Ada", List.of(Role.ADMIN)))
                .when(new DeactivateUser("ada"), ADMIN)
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void onlyAdminsDeactivateUsers() {
        fixture.given(new UserCreated("bob", "Bob", List.of()))
                .when(new DeactivateUser("bob"), Actor.of("cora", Role.CHIEF).toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void deactivatingAnInactiveUserStoresNothing() {
        fixture.given(new UserCreated("bob", "Bob", List.of()), new UserDeactivated("bob"))
                .when(new DeactivateUser("bob"), ADMIN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void adminReactivatesADeactivatedUser() {
        fixture.given(new UserCreated("bob", "Bob", List.of()), new UserDeactivated("bob"))
                .when(new ReactivateUser("bob"), ADMIN)
                .expectEvents(new UserReactivated("bob"));
    }

    @Test
    void reactivatingAnActiveUserStoresNothing() {
        fixture.given(new UserCreated("bob", "Bob", List.of()))
                .when(new ReactivateUser("bob"), ADMIN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyAdminsReactivateUsers() {
        fixture.given(new UserCreated("bob", "Bob", List.of()), new UserDeactivated("bob"))
                .when(new ReactivateUser("bob"), Actor.of("cora", Role.CHIEF).toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    /** The user's version is the number of events in their stream: an If-Match of another one changes nothing. */
    @Test
    void aStaleExpectedVersionIsRejectedByEveryChange() {
        Object[] history = {new UserCreated("bob", "Bob", List.of(Role.MANAGER)),
                new UserRolesChanged("bob", List.of(Role.MANAGER), List.of(Role.OPERATOR))};
        fixture.given(history).when(new ChangeUserRoles("bob", 1L, Set.of(Role.CHIEF)), ADMIN)
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
        fixture.given(history).when(new ChangeUserDepartments("bob", 3L, Set.of(7L)), ADMIN)
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
        fixture.given(history).when(new DeactivateUser("bob", 1L), ADMIN)
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
        fixture.given(history).when(new ReactivateUser("bob", 1L), ADMIN)
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
        fixture.given(history).when(new ChangeUserRoles("bob", 2L, Set.of(Role.CHIEF)), ADMIN)
                .expectEvents(new UserRolesChanged("bob", List.of(Role.OPERATOR), List.of(Role.CHIEF)));
        fixture.given(history).when(new DeactivateUser("bob", 2L), ADMIN)
                .expectEvents(new UserDeactivated("bob"));
    }

    // --- languages and time zones (issue 16) ---

    static final UserCreated BOB = new UserCreated("bob", "Bob", List.of());

    @Test
    void aUserSetsTheirOwnLanguageAndZoneAndEmptyClearsThem() {
        Map<String, String> bob = Actor.of("bob").toMetaData();
        fixture.given(BOB)
                .when(new UserCommands.ChangeUserSettings("bob", null, "de", "Europe/Berlin"), bob)
                .expectEvents(new dev.crm.shared.user.UserLanguageChanged("bob", null, "de"),
                        new dev.crm.shared.user.UserTimeZoneChanged("bob", null, "Europe/Berlin"));
        fixture.given(BOB, new dev.crm.shared.user.UserLanguageChanged("bob", null, "de"))
                .when(new UserCommands.ChangeUserSettings("bob", null, "", null), bob)
                .expectEvents(new dev.crm.shared.user.UserLanguageChanged("bob", "de", null));
        // the same again changes nothing
        fixture.given(BOB, new dev.crm.shared.user.UserLanguageChanged("bob", null, "de"))
                .when(new UserCommands.ChangeUserSettings("bob", null, "de", null), bob)
                .expectNoEvents();
    }

    @Test
    void anUnknownZoneOrLanguageIsRefusedNamingTheField() {
        fixture.given(BOB)
                .when(new UserCommands.ChangeUserSettings("bob", null, "fr", "Europe/Atlantis"),
                        Actor.of("bob").toMetaData())
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(BOB)
                .when(new UserCommands.ChangeUserSettings("bob", null, null, "+02:00"), Actor.of("bob").toMetaData())
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void othersMayNotChangeAUsersSettingsButAnAdminMay() {
        fixture.given(BOB)
                .when(new UserCommands.ChangeUserSettings("bob", null, "de", null), Actor.of("cora", Role.CHIEF)
                        .toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(BOB)
                .when(new UserCommands.ChangeUserSettings("bob", null, null, "UTC"), ADMIN)
                .expectEvents(new dev.crm.shared.user.UserTimeZoneChanged("bob", null, "UTC"));
    }

    @Test
    void theBrowsersZoneIsKeptOnlyWhenTheUserHasNone() {
        Map<String, String> bob = Actor.of("bob").toMetaData();
        fixture.given(BOB)
                .when(new UserCommands.ChangeUserSettings("bob", null, null, "Asia/Tokyo", true), bob)
                .expectEvents(new dev.crm.shared.user.UserTimeZoneChanged("bob", null, "Asia/Tokyo"));
        fixture.given(BOB, new dev.crm.shared.user.UserTimeZoneChanged("bob", null, "Europe/Berlin"))
                .when(new UserCommands.ChangeUserSettings("bob", null, null, "Asia/Tokyo", true), bob)
                .expectNoEvents();
    }
}
