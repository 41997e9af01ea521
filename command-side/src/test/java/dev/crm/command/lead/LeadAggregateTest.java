package dev.crm.command.lead;

import dev.crm.command.LeadSources;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.lead.LeadCommands.ChangeLead;
import dev.crm.command.lead.LeadCommands.ConvertLead;
import dev.crm.command.lead.LeadCommands.CreateLead;
import dev.crm.command.lead.LeadCommands.DeleteLead;
import dev.crm.command.lead.LeadCommands.TransferLead;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.lead.LeadChanged;
import dev.crm.shared.lead.LeadConverted;
import dev.crm.shared.lead.LeadCreated;
import dev.crm.shared.lead.LeadDeleted;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lead's rules: a name of some kind, a known source, the matrix, converted once and closed after. */
class LeadAggregateTest {

    AggregateTestFixture<LeadAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LeadAggregate.class);
        // lead source 3 exists, 4 does not
        fixture.registerInjectableResource((LeadSources) source -> source == 3);
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
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    static final LeadCreated MIAS = new LeadCreated(9, Map.of("firstName", "Ann", "email", "ann@acme.test", "massmail", "true", "disqualified", "false"),
            "mia", 7L);

    @Test
    void aLeadNeedsAFirstOrLastOrCompanyName() {
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("firstName", " Ann ", "email", "ann@acme.test")),
                as("mia", Role.MANAGER)).expectEvents(MIAS);
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("companyName", "ACME")), as("mia", Role.MANAGER))
                .expectEvents(new LeadCreated(9, Map.of("companyName", "ACME", "massmail", "true", "disqualified", "false"), "mia", 7L));
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("city", "Lyon", "companyName", " ")),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("lastName", "Lee")), as("cy", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
        java.util.HashMap<String, Object> noName = new java.util.HashMap<>();
        noName.put("firstName", null);
        fixture.given(MIAS).when(new ChangeLead(9, null, noName), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(MIAS).when(new ChangeLead(9, null, Map.of("city", "Lyon")), as("max", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new ChangeLead(9, null, Map.of("city", "Lyon")), as("ora", Role.OPERATOR))
                .expectEvents(new LeadChanged(9, List.of(FieldChange.of("city", null, "Lyon"))));
    }

    @Test
    void itsSourceIsALiveLeadSource() {
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("lastName", "Lee", "source", 3L)),
                as("mia", Role.MANAGER)).expectEvents(new LeadCreated(9, Map.of("lastName", "Lee", "source", "3", "massmail", "true", "disqualified", "false"),
                "mia", 7L));
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("lastName", "Lee", "source", 4L)),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(MIAS).when(new ChangeLead(9, null, Map.of("source", "4")), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(MIAS).when(new ChangeLead(9, null, Map.of("source", "3")), as("mia", Role.MANAGER))
                .expectEvents(new LeadChanged(9, List.of(FieldChange.of("source", null, "3"))));
    }

    @Test
    void onlyTheConversionSetsItsCompanyAndContact() {
        fixture.givenNoPriorActivity().when(new CreateLead(9, Map.of("lastName", "Lee", "company", 5L)),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(MIAS).when(new ChangeLead(9, null, Map.of("contact", 6L)), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void itIsConvertedOnceByWhoMayChangeIt() {
        fixture.given(MIAS).when(new ConvertLead(9, 1L, 5, 6), as("mia", Role.MANAGER))
                .expectEvents(new LeadConverted(9, 5, 6));
        fixture.given(MIAS).when(new ConvertLead(9, null, 5, 6), as("max", Role.MANAGER))
                .expectException(Rejected.Forbidden.class).expectNoEvents();
        fixture.given(MIAS).when(new ConvertLead(9, null, 5, 6), as("cole", Role.ACCOUNTANT))
                .expectException(Rejected.NotFound.class).expectNoEvents();
        fixture.given(MIAS).when(new ConvertLead(9, 2L, 5, 6), as("mia", Role.MANAGER))
                .expectException(Rejected.StaleVersion.class).expectNoEvents();
        fixture.given(MIAS, new LeadDeleted(9)).when(new ConvertLead(9, null, 5, 6), as("mia", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS, new LeadConverted(9, 5, 6)).when(new ConvertLead(9, null, 7, 8), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class).expectNoEvents();
    }

    @Test
    void aConvertedLeadIsNotChangedNorTransferredButMayBeDeleted() {
        fixture.given(MIAS, new LeadConverted(9, 5, 6)).when(new ChangeLead(9, null, Map.of("city", "Lyon")),
                as("mia", Role.MANAGER)).expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(MIAS, new LeadConverted(9, 5, 6)).when(new TransferLead(9, null, "max"),
                as("mia", Role.MANAGER)).expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(MIAS, new LeadConverted(9, 5, 6)).when(new ChangeLead(9, null, Map.of("city", "Lyon")),
                as("cole", Role.ACCOUNTANT)).expectException(Rejected.NotFound.class);
        fixture.given(MIAS, new LeadConverted(9, 5, 6)).when(new DeleteLead(9, null), as("mia", Role.MANAGER))
                .expectEvents(new LeadDeleted(9));
    }
}
