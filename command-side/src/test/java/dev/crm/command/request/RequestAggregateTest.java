package dev.crm.command.request;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.LeadSources;
import dev.crm.command.request.RequestCommands.ChangeRequest;
import dev.crm.command.request.RequestCommands.CreateRequest;
import dev.crm.command.request.RequestCommands.DeleteRequest;
import dev.crm.command.request.RequestCommands.LinkRequestDeal;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.request.RequestChanged;
import dev.crm.shared.request.RequestCreated;
import dev.crm.shared.request.RequestDealCreated;
import dev.crm.shared.request.RequestDeleted;
import dev.crm.shared.request.RequestMatched;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request's rules: its flags, matching on save, the matrix, and who may make a deal (not duplicates nor cases). */
class RequestAggregateTest {

    AggregateTestFixture<RequestAggregate> fixture;
    RequestMatching.Matches matches = RequestMatching.Matches.NONE;
    boolean earlier;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RequestAggregate.class);
        fixture.registerInjectableResource((LeadSources) source -> source == 3);
        fixture.registerInjectableResource(new RequestMatching() {
            @Override
            public Matches match(Actor actor, long request, Map<String, String> values) {
                return matches;
            }

            @Override
            public boolean hasEarlierRequests(long request, Long contact, Long company) {
                return earlier;
            }
        });
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
        // products 60 and 61, and contacts, leads and companies 20 to 39 may be seen; any other is missing or hidden,
        // which answers the same
        fixture.registerInjectableResource((dev.crm.command.VisibleObjects) (kind, id, actor) ->
                kind.name().equals("product") ? id == 60L || id == 61L : id >= 20L && id < 40L);
    }

    @Test
    void productsAreDistinctVisibleIdsInOrder() {
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "products",
                List.of(61L, 60L, 61L))), as("mia", Role.MANAGER))
                .expectEvents(new RequestCreated(9, fresh("products", "60,61"), "mia", 7L));
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "products",
                List.of(60L, 99L))), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "products",
                List.of(60L, -1L))), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.given(MIAS).when(new ChangeRequest(9, null, Map.of("products", List.of(61L))), as("mia", Role.MANAGER))
                .expectEvents(new RequestChanged(9, List.of(FieldChange.of("products", null, "61"))));
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    /** The flags a new request has: pending, nothing else. */
    static Map<String, String> fresh(String... more) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subject", "Offer");
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        values.putIfAbsent("pending", "true");
        values.putIfAbsent("duplicate", "false");
        values.putIfAbsent("case", "false");
        values.putIfAbsent("subsequent", "false");
        values.putIfAbsent("verificationRequired", "false");
        return values;
    }

    static final RequestCreated MIAS = new RequestCreated(9, fresh("email", "ann@acme.test"), "mia", 7L);

    @Test
    void aNewRequestIsPendingAndNeedsASubject() {
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "email", "ann@acme.test")),
                as("mia", Role.MANAGER)).expectEvents(MIAS);
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("email", "ann@acme.test")),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "source", 4L)),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "deal", 5L)),
                as("mia", Role.MANAGER)).expectException(Rejected.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer")), as("cy", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void oneMatchIsLinkedSeveralAreNotAndEitherNeedsVerification() {
        matches = new RequestMatching.Matches(List.of(20L, 21L), List.of(), List.of(30L));
        earlier = true;
        fixture.givenNoPriorActivity().when(new CreateRequest(9, Map.of("subject", "Offer", "email", "ann@acme.test")),
                as("mia", Role.MANAGER)).expectEvents(MIAS, new RequestMatched(9, List.of(
                FieldChange.set("company", 30L), FieldChange.of("subsequent", "false", "true"),
                FieldChange.of("verificationRequired", "false", "true"))));
    }

    @Test
    void aChangeOfWhatIsComparedMatchesAgainButKeepsTheLinksAUserSet() {
        matches = new RequestMatching.Matches(List.of(20L), List.of(), List.of(30L));
        RequestChanged corrected = new RequestChanged(9, List.of(FieldChange.of("company", null, "31"),
                FieldChange.of("verificationRequired", "true", "false")));
        fixture.given(MIAS, new RequestMatched(9, List.of(FieldChange.set("contact", 20L),
                        FieldChange.set("company", 30L), FieldChange.of("verificationRequired", "false", "true"))))
                .when(new ChangeRequest(9, null, Map.of("company", 31L, "verificationRequired", false)),
                        as("mia", Role.MANAGER))
                .expectEvents(new RequestChanged(9, List.of(FieldChange.of("verificationRequired", "true", "false"),
                        FieldChange.of("company", "30", "31"))));
        fixture.given(MIAS).when(new ChangeRequest(9, null, Map.of("description", "more")), as("mia", Role.MANAGER))
                .expectEvents(new RequestChanged(9, List.of(FieldChange.of("description", null, "more"))));
        fixture.given(MIAS).when(new ChangeRequest(9, null, Map.of("phone", "+1 555")), as("mia", Role.MANAGER))
                .expectEvents(new RequestChanged(9, List.of(FieldChange.of("phone", null, "+1 555"))),
                        new RequestMatched(9, List.of(FieldChange.set("contact", 20L), FieldChange.set("company", 30L),
                                FieldChange.of("verificationRequired", "false", "true"))));
    }

    /** A link a user sets by hand names an object they may see: another is refused as a missing one, naming the field. */
    @Test
    void aLinkSetByHandNamesAVisibleObject() {
        for (String field : List.of("contact", "lead", "company")) {
            fixture.given(MIAS).when(new ChangeRequest(9, null, Map.of(field, 99L)), as("mia", Role.MANAGER))
                    .expectException(dev.crm.command.FieldErrors.errorsOn(field)).expectNoEvents();
        }
        fixture.givenNoPriorActivity().when(new CreateRequest(12, Map.of("subject", "Hand", "company", 99L)),
                        as("mia", Role.MANAGER))
                .expectException(dev.crm.command.FieldErrors.errorsOn("company"));
    }

    @Test
    void managersChangeTheirOwnButDeleteNoneOperatorsTheirDepartments() {
        fixture.given(MIAS).when(new ChangeRequest(9, null, Map.of("case", true)), as("max", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new DeleteRequest(9, null), as("mia", Role.MANAGER))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new DeleteRequest(9, null), as("max", Role.OPERATOR))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new DeleteRequest(9, null), as("ora", Role.OPERATOR))
                .expectEvents(new RequestDeleted(9));
    }

    @Test
    void duplicatesCasesAndRequestsWithADealMakeNoDeal() {
        fixture.given(MIAS).when(new LinkRequestDeal(9, 40, null, 41L), as("mia", Role.MANAGER))
                .expectEvents(new RequestDealCreated(9, 40, null, 41L));
        fixture.given(MIAS, new RequestChanged(9, List.of(FieldChange.of("duplicate", "false", "true"))))
                .when(new LinkRequestDeal(9, 40, null, null), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(MIAS, new RequestChanged(9, List.of(FieldChange.of("case", "false", "true"))))
                .when(new LinkRequestDeal(9, 40, null, null), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(MIAS, new RequestDealCreated(9, 40, null, 41L))
                .when(new LinkRequestDeal(9, 42, null, null), as("mia", Role.MANAGER))
                .expectException(Rejected.WrongState.class).expectNoEvents();
        fixture.given(MIAS).when(new ChangeRequest(9, null, Map.of("deal", 40L)), as("mia", Role.MANAGER))
                .expectException(Rejected.Invalid.class).expectNoEvents();
    }

    @Test
    void itsLeadsConversionMovesItToTheCompanyAndContact() {
        RequestChanged linked = new RequestChanged(9, List.of(FieldChange.of("lead", null, "41")));
        Map<String, String> causedByTheLead = new java.util.HashMap<>(as("mia", Role.MANAGER));
        causedByTheLead.put(dev.crm.shared.Causes.CAUSED_BY, "41");
        fixture.given(MIAS, linked).when(new RequestCommands.FollowConvertedLead(9, 41, 50, 51), causedByTheLead)
                .expectEvents(new RequestChanged(9, List.of(FieldChange.of("contact", null, "51"),
                        FieldChange.of("company", null, "50"))));
        // not its lead, or not caused by it: unknown
        fixture.given(MIAS, linked).when(new RequestCommands.FollowConvertedLead(9, 42, 50, 51),
                        as("mia", Role.MANAGER)).expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new RequestCommands.FollowConvertedLead(9, 41, 50, 51), causedByTheLead)
                .expectException(Rejected.NotFound.class);
    }

    @Test
    void itsLeadsDeleteClearsItsLeadOnlyAsCausedByTheLead() {
        RequestChanged linked = new RequestChanged(9, List.of(FieldChange.of("lead", null, "41")));
        Map<String, String> causedByTheLead = new java.util.HashMap<>(as("mia", Role.MANAGER));
        causedByTheLead.put(dev.crm.shared.Causes.CAUSED_BY, "41");
        fixture.given(MIAS, linked).when(new RequestCommands.ForgetDeletedLead(9, 41), causedByTheLead)
                .expectEvents(new RequestChanged(9, List.of(FieldChange.of("lead", "41", null))));
        fixture.given(MIAS, linked).when(new RequestCommands.ForgetDeletedLead(9, 41), as("mia", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new RequestCommands.ForgetDeletedLead(9, 41), causedByTheLead)
                .expectException(Rejected.NotFound.class);
    }
}
