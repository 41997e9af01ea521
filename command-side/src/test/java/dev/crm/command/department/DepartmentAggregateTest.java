package dev.crm.command.department;

import dev.crm.command.DepartmentDirectory;
import dev.crm.command.Rejected;
import dev.crm.command.department.DepartmentCommands.CreateDepartment;
import dev.crm.command.department.DepartmentCommands.RenameDepartment;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.department.DepartmentCreated;
import dev.crm.shared.department.DepartmentRenamed;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepartmentAggregateTest {

    static final Map<String, String> ADMIN = Actor.of("ada", Role.ADMIN).toMetaData();

    AggregateTestFixture<DepartmentAggregate> fixture;
    /** Names already taken, lower case, with their department's ID. */
    final Map<String, Long> taken = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DepartmentAggregate.class);
        fixture.registerInjectableResource(new DepartmentDirectory() {
            @Override
            public boolean exists(long departmentId) {
                return taken.containsValue(departmentId);
            }

            @Override
            public Optional<Long> findByName(String name) {
                return Optional.ofNullable(taken.get(name.toLowerCase(Locale.ROOT)));
            }
        });
        // hedda is a member of department 7, otto an active user outside it
        fixture.registerInjectableResource(new dev.crm.command.UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return username.equals("hedda") || username.equals("otto");
            }

            @Override
            public java.util.List<Long> departmentsOf(String username) {
                return username.equals("hedda") ? java.util.List.of(7L) : java.util.List.of();
            }
        });
    }

    @Test
    void anAdminMakesAMemberTheHeadAndOnlyAMember() {
        var created = new DepartmentCreated(7, "Sales");
        fixture.given(created).when(new dev.crm.command.department.DepartmentCommands.SetDepartmentHead(7, 1L, "hedda"), ADMIN)
                .expectEvents(new dev.crm.shared.department.DepartmentHeadChanged(7, null, "hedda"));
        fixture.given(created).when(new dev.crm.command.department.DepartmentCommands.SetDepartmentHead(7, null, "otto"), ADMIN)
                .expectException(dev.crm.command.Rejected.Invalid.class).expectNoEvents();
        fixture.given(created).when(new dev.crm.command.department.DepartmentCommands.SetDepartmentHead(7, null, "hedda"),
                Actor.of("hedda").toMetaData()).expectException(dev.crm.command.Rejected.Forbidden.class).expectNoEvents();
        fixture.given(created, new dev.crm.shared.department.DepartmentHeadChanged(7, null, "hedda"))
                .when(new dev.crm.command.department.DepartmentCommands.SetDepartmentHead(7, null, ""), ADMIN)
                .expectEvents(new dev.crm.shared.department.DepartmentHeadChanged(7, "hedda", null));
    }

    @Test
    void adminCreatesADepartmentWithATrimmedName() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(7, "  Sales "), ADMIN)
                .expectEvents(new DepartmentCreated(7, "Sales"));
    }

    @Test
    void onlyAdminsCreateDepartments() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(7, "Sales"), Actor.of("cora", Role.CHIEF).toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void aDepartmentNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(7, "  "), ADMIN)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void aNameLongerThanAHundredCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(7, "x".repeat(101)), ADMIN)
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void twoDepartmentsCannotShareANameWhateverItsCase() {
        taken.put("sales", 3L);
        fixture.givenNoPriorActivity()
                .when(new CreateDepartment(7, "SALES"), ADMIN)
                .expectException(Rejected.WrongState.class).expectNoEvents();
    }

    @Test
    void renameHoldsTheOldAndTheNewName() {
        taken.put("sales", 7L);
        fixture.given(new DepartmentCreated(7, "Sales"))
                .when(new RenameDepartment(7, 1L, "Sales EU"), ADMIN)
                .expectEvents(new DepartmentRenamed(7, "Sales", "Sales EU"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aDepartmentMayChangeTheCaseOfItsOwnName() {
        taken.put("sales", 7L);
        fixture.given(new DepartmentCreated(7, "Sales"))
                .when(new RenameDepartment(7, null, "SALES"), ADMIN)
                .expectEvents(new DepartmentRenamed(7, "Sales", "SALES"));
    }

    @Test
    void renamingToAnotherDepartmentsNameIsRefused() {
        taken.put("sales", 7L);
        taken.put("support", 8L);
        fixture.given(new DepartmentCreated(7, "Sales"))
                .when(new RenameDepartment(7, null, "Support"), ADMIN)
                .expectException(Rejected.WrongState.class).expectNoEvents();
    }

    @Test
    void renameWithAStaleVersionIsRefused() {
        fixture.given(new DepartmentCreated(7, "Sales"), new DepartmentRenamed(7, "Sales", "Sales EU"))
                .when(new RenameDepartment(7, 1L, "Sales DE"), ADMIN)
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
    }

    @Test
    void onlyAdminsRenameDepartments() {
        fixture.given(new DepartmentCreated(7, "Sales"))
                .when(new RenameDepartment(7, null, "Sales EU"), Actor.of("otto", Role.OPERATOR).toMetaData())
                .expectException(Rejected.Forbidden.class).expectNoEvents();
    }

    @Test
    void theSameNameStoresNothing() {
        fixture.given(new DepartmentCreated(7, "Sales"))
                .when(new RenameDepartment(7, null, " Sales"), ADMIN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAdminSetsTheDepartmentsZoneAnIanaIdOnly() {
        dev.crm.shared.department.DepartmentCreated sales = new dev.crm.shared.department.DepartmentCreated(46, "Sales");
        fixture.given(sales)
                .when(new DepartmentCommands.SetDepartmentTimeZone(46, null, "America/New_York"), ADMIN)
                .expectEvents(new dev.crm.shared.department.DepartmentTimeZoneChanged(46, null, "America/New_York"));
        fixture.given(sales, new dev.crm.shared.department.DepartmentTimeZoneChanged(46, null, "America/New_York"))
                .when(new DepartmentCommands.SetDepartmentTimeZone(46, null, " "), ADMIN)
                .expectEvents(new dev.crm.shared.department.DepartmentTimeZoneChanged(46, "America/New_York", null));
        fixture.given(sales)
                .when(new DepartmentCommands.SetDepartmentTimeZone(46, null, "Moon/Base"), ADMIN)
                .expectException(dev.crm.command.Rejected.Invalid.class).expectNoEvents();
        fixture.given(sales)
                .when(new DepartmentCommands.SetDepartmentTimeZone(46, null, "UTC"), Actor.of("hedda").toMetaData())
                .expectException(dev.crm.command.Rejected.Forbidden.class).expectNoEvents();
    }
}
