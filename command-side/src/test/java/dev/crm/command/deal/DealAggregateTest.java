package dev.crm.command.deal;

import static dev.crm.command.FieldErrors.errorsOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.command.Currencies;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.VisibleObjects;
import dev.crm.command.deal.DealCommands.ChangeDeal;
import dev.crm.command.deal.DealCommands.CloseDeal;
import dev.crm.command.deal.DealCommands.CreateDeal;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.deal.DealChanged;
import dev.crm.shared.deal.DealClosed;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealStageChanged;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.product.ProductKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deal's rules: made by who may change deals, in its department's default stage; stages of its department only;
 * closing (success: to the success stage; otherwise the stage stays); a closed deal keeps its stage and is not closed
 * again; the co-owner has the owner's rights.
 */
class DealAggregateTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

    AggregateTestFixture<DealAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DealAggregate.class);
        fixture.registerInjectableResource(new UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return List.of("mia", "max", "ora").contains(username);
            }

            @Override
            public List<Long> departmentsOf(String username) {
                return username.equals("max") ? List.of(8L) : List.of(7L);
            }
        });
        fixture.registerInjectableResource((Currencies) code -> List.of("EUR", "USD").contains(code));
        // stages: 10 (default) and 11 and 12 (success) of department 7; 20 of department 8; 30 of every department
        fixture.registerInjectableResource(new DealReferenceData() {
            @Override
            public Optional<Long> defaultStage(Long department) {
                return Optional.of(department != null && department == 7L ? 10L : 30L);
            }

            @Override
            public Optional<Long> successStage(Long department) {
                return Optional.of(department != null && department == 7L ? 12L : 30L);
            }

            @Override
            public boolean stageOf(long stage, Long department) {
                return stage == 30 || department != null && (department == 7L ? List.of(10L, 11L, 12L)
                        : List.of(20L)).contains(stage);
            }

            @Override
            public Optional<Boolean> closingSuccess(long reason) {
                return reason == 1 ? Optional.of(true) : reason == 2 ? Optional.of(false) : Optional.empty();
            }
        });
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // products 60 and 61 and the object 50 of any other kind (a contact, a company) exist and may be seen; any other
        // ID is missing or hidden, which answers the same
        fixture.registerInjectableResource((VisibleObjects) (kind, id, actor) ->
                kind == ProductKind.KIND ? id == 60L || id == 61L : id == 50L);
    }

    static Map<String, Object> line(long product, Object quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("product", product);
        line.put("quantity", quantity);
        return line;
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

    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static final DealCreated MIAS = new DealCreated(5, values("name", "Big order", "stage", "10", "company", "50"),
            "mia", 7L);

    @Test
    void aNewDealIsInItsDepartmentsDefaultStage() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(5, fields("name", "Big order", "company", 50)), as("mia", Role.MANAGER))
                .expectEvents(MIAS);
    }

    @Test
    void aDealIsMadeOnlyByWhoMayChangeDealsAndOfVisibleObjects() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(5, fields("name", "Big order")), as("ann", Role.ACCOUNTANT))
                .expectException(Rejected.Forbidden.class);
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(5, fields("name", "Big order", "company", 51, "closedAt", "2026-01-01T00:00:00Z")),
                        as("mia", Role.MANAGER))
                .expectException(errorsOn("closedAt", "company"));
    }

    @Test
    void productLinesAreCarriedAsTheirCanonicalTextInProductOrder() {
        Map<String, String> values = values("name", "Big order", "products", "60:3,61:1", "stage", "10");
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(5, fields("name", "Big order", "products", List.of(line(61, 1), line(60, "3")))),
                        as("mia", Role.MANAGER))
                .expectEvents(new DealCreated(5, values, "mia", 7L));
    }

    @Test
    void aLineNeedsAVisibleProductOnceAndAWholeQuantityFromOne() {
        for (Object lines : List.of(List.of(line(60, 0)), List.of(line(60, -2)), List.of(line(60, 1.5)),
                List.of(line(60, Limits.QUANTITY + 1)), List.of(line(60, "x")), List.of(line(60, 1), line(60, 2)),
                List.of(line(60, 1), line(99, 1)), List.of(Map.of("quantity", 1)), "60:abc",
                LongStream.rangeClosed(1, Limits.LINES + 1).mapToObj(id -> line(id, 1)).toList())) {
            fixture.givenNoPriorActivity()
                    .when(new CreateDeal(5, fields("name", "Big order", "products", lines)), as("mia", Role.MANAGER))
                    .expectException(errorsOn("products")).expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(5, fields("name", "Big order", "products", List.of(line(60, Limits.QUANTITY)))),
                        as("mia", Role.MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aChangeReplacesTheWholeListAndOnlyNewProductsAreLookedUp() {
        DealChanged lined = new DealChanged(5, List.of(FieldChange.of("products", null, "60:3,62:1")));
        // 62 is no longer visible, but it is on the deal already: keeping it is no error
        fixture.given(MIAS, lined)
                .when(new ChangeDeal(5, null, fields("products", List.of(line(62, 1), line(61, 2)))),
                        as("mia", Role.MANAGER))
                .expectEvents(new DealChanged(5, List.of(FieldChange.of("products", "60:3,62:1", "61:2,62:1"))));
        // the same lines in another order change nothing
        fixture.given(MIAS, lined)
                .when(new ChangeDeal(5, null, fields("products", List.of(line(62, 1), line(60, 3)))),
                        as("mia", Role.MANAGER))
                .expectNoEvents();
        // an empty list (or null) clears it
        fixture.given(MIAS, lined)
                .when(new ChangeDeal(5, null, fields("products", List.of())), as("mia", Role.MANAGER))
                .expectEvents(new DealChanged(5, List.of(FieldChange.of("products", "60:3,62:1", null))));
        fixture.given(MIAS, lined)
                .when(new ChangeDeal(5, null, fields("products", List.of(line(63, 1)))), as("mia", Role.MANAGER))
                .expectException(errorsOn("products"));
    }

    @Test
    void aStageMustBeOfTheDealsDepartment() {
        fixture.given(MIAS)
                .when(new ChangeDeal(5, null, fields("stage", 20)), as("mia", Role.MANAGER))
                .expectException(errorsOn("stage"));
        fixture.given(MIAS)
                .when(new ChangeDeal(5, null, fields("stage", 11, "probability", 40)), as("mia", Role.MANAGER))
                .expectEvents(new DealChanged(5, List.of(FieldChange.of("probability", null, "40"))),
                        new DealStageChanged(5, 10L, 11));
    }

    @Test
    void theCoOwnerChangesItAndAnotherManagerDoesNotLearnItExists() {
        DealChanged coOwned = new DealChanged(5, List.of(FieldChange.of("coOwner", null, "max")));
        fixture.given(MIAS, coOwned)
                .when(new ChangeDeal(5, null, fields("stage", 30)), as("max", Role.MANAGER))
                .expectEvents(new DealStageChanged(5, 10L, 30));
        fixture.given(MIAS)
                .when(new ChangeDeal(5, null, fields("stage", 30)), as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
    }

    @Test
    void aSuccessfulCloseMovesItToTheSuccessStage() {
        fixture.given(MIAS)
                .when(new CloseDeal(5, null, 1L), as("mia", Role.MANAGER))
                .expectEvents(new DealStageChanged(5, 10L, 12), new DealClosed(5, 1, NOW.toString()));
    }

    @Test
    void anUnsuccessfulCloseKeepsTheStage() {
        fixture.given(MIAS)
                .when(new CloseDeal(5, null, 2L), as("mia", Role.MANAGER))
                .expectEvents(new DealClosed(5, 2, NOW.toString()));
        fixture.given(MIAS)
                .when(new CloseDeal(5, null, 3L), as("mia", Role.MANAGER))
                .expectException(errorsOn("closingReason"));
    }

    @Test
    void aClosedDealIsNotClosedAgainAndKeepsItsStage() {
        DealClosed closed = new DealClosed(5, 2, NOW.toString());
        fixture.given(MIAS, closed)
                .when(new CloseDeal(5, null, 1L), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class);
        fixture.given(MIAS, closed)
                .when(new ChangeDeal(5, null, fields("stage", 11)), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class);
        fixture.given(MIAS, closed)
                .when(new ChangeDeal(5, null, fields("closingReason", 1)), as("mia", Role.MANAGER))
                .expectException(errorsOn("closingReason"));
    }

    @Test
    void itsLeadsConversionMovesItToTheLeadsCompanyAndContact() {
        DealCreated ofLead = new DealCreated(5, values("name", "Big order", "stage", "10", "lead", "41"), "mia", 7L);
        Map<String, String> causedByTheLead = new HashMap<>(as("oskar", Role.OPERATOR));
        causedByTheLead.put(dev.crm.shared.Causes.CAUSED_BY, "41");
        fixture.given(ofLead).when(new DealCommands.FollowConvertedLead(5, 41, 50, 51), causedByTheLead)
                .expectEvents(new dev.crm.shared.deal.DealChanged(5, List.of(FieldChange.of("contact", null, "51"),
                        FieldChange.of("company", null, "50"))));
        // a deal that had a company already takes the lead's
        fixture.given(MIAS, new dev.crm.shared.deal.DealChanged(5, List.of(FieldChange.of("lead", null, "41"))))
                .when(new DealCommands.FollowConvertedLead(5, 41, 52, 51), causedByTheLead)
                .expectEvents(new dev.crm.shared.deal.DealChanged(5, List.of(FieldChange.of("contact", null, "51"),
                        FieldChange.of("company", "50", "52"))));
        // not its lead, or not caused by it: unknown
        fixture.given(MIAS).when(new DealCommands.FollowConvertedLead(5, 41, 50, 51), causedByTheLead)
                .expectException(Rejected.NotFound.class);
        fixture.given(ofLead).when(new DealCommands.FollowConvertedLead(5, 41, 50, 51), as("mia", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
    }
}
