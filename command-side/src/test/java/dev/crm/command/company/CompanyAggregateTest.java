package dev.crm.command.company;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.company.CompanyCommands.ChangeCompany;
import dev.crm.command.company.CompanyCommands.CreateCompany;
import dev.crm.command.company.CompanyCommands.DeleteCompany;
import dev.crm.command.company.CompanyCommands.TransferCompany;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyOwnerChanged;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The company's rules: the matrix (own for managers, department for operators), its fields by their declaration. */
class CompanyAggregateTest {

    AggregateTestFixture<CompanyAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompanyAggregate.class);
        fixture.registerInjectableResource(new UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return List.of("mia", "max", "ora", "oskar").contains(username);
            }

            @Override
            public List<Long> departmentsOf(String username) {
                return username.equals("ora") || username.equals("mia") ? List.of(7L) : List.of(8L);
            }
        });
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    static final CompanyCreated MIAS = new CompanyCreated(5, Map.of("name", "ACME"), "mia", 7L);

    @Test
    void aManagerAddsACompanyTheyOwnInTheirDepartmentWithCleanFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", "  ACME ");
        fields.put("email", "info@acme.test");
        fields.put("tags", List.of("b2b", " eu ", "b2b"));
        fields.put("city", "");
        fixture.givenNoPriorActivity().when(new CreateCompany(5, fields), as("mia", Role.MANAGER))
                .expectEvents(new CompanyCreated(5, Map.of("name", "ACME", "email", "info@acme.test",
                        "tags", "b2b, eu"), "mia", 7L));
    }

    @Test
    void badInputIsRefusedByTheFieldsTypes() {
        fixture.givenNoPriorActivity().when(new CreateCompany(5, Map.of("email", "x@y")), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateCompany(5, Map.of("name", "A", "phone", "call me")),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class);
        fixture.givenNoPriorActivity().when(new CreateCompany(5, Map.of("name", "A", "website", "not a site")),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class);
        fixture.givenNoPriorActivity().when(new CreateCompany(5, Map.of("name", "A", "city", "x".repeat(201))),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class);
        fixture.givenNoPriorActivity().when(new CreateCompany(5, Map.of("name", "A")), as("cy", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void managersChangeTheirOwnOperatorsTheirDepartmentsChiefsNone() {
        fixture.given(MIAS).when(new ChangeCompany(5, 1L, Map.of("city", "Lyon")), as("mia", Role.MANAGER))
                .expectEvents(new CompanyChanged(5, List.of(FieldChange.of("city", null, "Lyon"))));
        fixture.given(MIAS).when(new ChangeCompany(5, null, Map.of("city", "Lyon")), as("max", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new ChangeCompany(5, null, Map.of("city", "Lyon")), as("ora", Role.OPERATOR))
                .expectEvents(new CompanyChanged(5, List.of(FieldChange.of("city", null, "Lyon"))));
        fixture.given(MIAS).when(new DeleteCompany(5, null), as("oskar", Role.OPERATOR))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new DeleteCompany(5, null), as("cy", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new DeleteCompany(5, null), as("cole", Role.ACCOUNTANT))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new ChangeCompany(5, 3L, Map.of("city", "Lyon")), as("mia", Role.MANAGER))
                .expectException(Rejected.StaleVersion.class);
        fixture.given(MIAS, new CompanyDeleted(5)).when(new ChangeCompany(5, null, Map.of("city", "x")),
                as("mia", Role.MANAGER)).expectException(Rejected.NotFound.class);
    }

    @Test
    void theOwnerGivesItToAnActiveUser() {
        fixture.given(MIAS).when(new TransferCompany(5, null, "max"), as("mia", Role.MANAGER))
                .expectEvents(new CompanyOwnerChanged(5, "mia", "max"));
        fixture.given(MIAS).when(new TransferCompany(5, null, "ghost"), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class);
        fixture.given(MIAS).when(new TransferCompany(5, null, "max"), as("max", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void aLeadsConversionThatFoundItIsInItsHistoryOnlyAsCausedByTheLead() {
        Map<String, String> causedByTheLead = new HashMap<>(as("max", Role.MANAGER));
        causedByTheLead.put(dev.crm.shared.Causes.CAUSED_BY, "41");
        fixture.given(MIAS).when(new CompanyCommands.RecordLeadConversion(5, 41, 60), causedByTheLead)
                .expectEvents(new dev.crm.shared.company.CompanyLeadConverted(5, 41, 60));
        // not caused by that lead, or a deleted company: unknown
        fixture.given(MIAS).when(new CompanyCommands.RecordLeadConversion(5, 42, 60), causedByTheLead)
                .expectException(dev.crm.command.Rejected.NotFound.class);
        fixture.given(MIAS).when(new CompanyCommands.RecordLeadConversion(5, 41, 60), as("max", Role.MANAGER))
                .expectException(dev.crm.command.Rejected.NotFound.class);
        fixture.given(MIAS, new CompanyDeleted(5))
                .when(new CompanyCommands.RecordLeadConversion(5, 41, 60), causedByTheLead)
                .expectException(dev.crm.command.Rejected.NotFound.class);
    }
}
