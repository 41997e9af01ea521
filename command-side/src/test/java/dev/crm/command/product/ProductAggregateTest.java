package dev.crm.command.product;

import dev.crm.command.Currencies;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.product.ProductCommands.ChangeProduct;
import dev.crm.command.product.ProductCommands.CreateProduct;
import dev.crm.command.product.ProductCommands.DeleteProduct;
import dev.crm.command.product.ProductCommands.RestoreProduct;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.product.ProductChanged;
import dev.crm.shared.product.ProductCreated;
import dev.crm.shared.product.ProductDeleted;
import dev.crm.shared.product.ProductRestored;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The product's rules: the matrix (departments for managers and operators), its typed fields, its currency. */
class ProductAggregateTest {

    AggregateTestFixture<ProductAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductAggregate.class);
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
        fixture.registerInjectableResource((Currencies) code -> List.of("EUR", "USD").contains(code));
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

    static final ProductCreated MIAS = new ProductCreated(5, values("name", "Widget", "type", "goods", "price", "10",
            "currency", "EUR", "onSale", "true"), "mia", 7L);

    /** Refused, with errors on exactly these fields. */
    static CustomTypeSafeMatcher<Rejected.Invalid> errorsOn(String... fields) {
        return new CustomTypeSafeMatcher<>("errors on " + List.of(fields)) {
            @Override
            protected boolean matchesSafely(Rejected.Invalid e) {
                return e.errors().stream().map(Rejected.FieldError::field).toList().equals(List.of(fields));
            }
        };
    }

    static CreateProduct create(Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CreateProduct(5, fields);
    }

    @Test
    void aManagerAddsAProductInTheirDepartmentWithTypedFieldsAndDefaults() {
        fixture.givenNoPriorActivity().when(create("name", " Widget ", "price", new BigDecimal("12.50"),
                        "currency", "EUR", "category", ""), as("mia", Role.MANAGER))
                .expectEvents(new ProductCreated(5, values("name", "Widget", "type", "goods", "price", "12.5",
                        "currency", "EUR", "onSale", "true"), "mia", 7L));
        fixture.givenNoPriorActivity().when(create("name", "Support", "type", "service", "price", "100.00",
                        "currency", "USD", "onSale", false), as("ora", Role.OPERATOR))
                .expectEvents(new ProductCreated(5, values("name", "Support", "type", "service", "price", "100",
                        "currency", "USD", "onSale", "false"), "ora", 7L));
        // no price: no currency needed
        fixture.givenNoPriorActivity().when(create("name", "Free", "price", BigDecimal.ZERO, "currency", "EUR"),
                as("mia", Role.MANAGER)).expectEvents(new ProductCreated(5, values("name", "Free", "type", "goods",
                "price", "0", "currency", "EUR", "onSale", "true"), "mia", 7L));
        fixture.givenNoPriorActivity().when(create("name", "Idea"), as("mia", Role.MANAGER))
                .expectEvents(new ProductCreated(5, values("name", "Idea", "type", "goods", "onSale", "true"), "mia",
                        7L));
    }

    @Test
    void badInputIsRefusedFieldByField() {
        fixture.givenNoPriorActivity().when(create("name", "W", "price", "1.234", "currency", "EUR"),
                as("mia", Role.MANAGER)).expectException(errorsOn("price")).expectNoEvents();
        fixture.givenNoPriorActivity().when(create("name", "W", "price", new BigDecimal("1.234"), "currency", "EUR"),
                as("mia", Role.MANAGER)).expectException(errorsOn("price"));
        fixture.givenNoPriorActivity().when(create("name", "W", "price", new BigDecimal("-1"), "currency", "EUR"),
                as("mia", Role.MANAGER)).expectException(errorsOn("price"));
        fixture.givenNoPriorActivity().when(create("name", "W", "price", "12,50", "currency", "EUR"),
                as("mia", Role.MANAGER)).expectException(errorsOn("price"));
        fixture.givenNoPriorActivity().when(create("name", "W", "price", new BigDecimal("1234567890123"),
                "currency", "EUR"), as("mia", Role.MANAGER)).expectException(errorsOn("price"));
        fixture.givenNoPriorActivity().when(create("name", "W", "price", "5", "currency", "XXX"),
                as("mia", Role.MANAGER)).expectException(errorsOn("currency"));
        fixture.givenNoPriorActivity().when(create("name", "W", "price", "5"), as("mia", Role.MANAGER))
                .expectException(errorsOn("currency"));
        fixture.givenNoPriorActivity().when(create("name", "W", "type", "thing"), as("mia", Role.MANAGER))
                .expectException(errorsOn("type"));
        fixture.givenNoPriorActivity().when(create("name", "W", "type", "GOODS"), as("mia", Role.MANAGER))
                .expectException(errorsOn("type"));
        fixture.givenNoPriorActivity().when(create("name", "W", "onSale", "yes"), as("mia", Role.MANAGER))
                .expectException(errorsOn("onSale"));
        fixture.givenNoPriorActivity().when(create("name", "W", "onSale", null), as("mia", Role.MANAGER))
                .expectException(errorsOn("onSale"));
        // every error at once, in the order of the declaration
        fixture.givenNoPriorActivity().when(create("type", "x", "price", "-0.001", "currency", "XX"),
                as("mia", Role.MANAGER)).expectException(errorsOn("name", "type", "price", "currency"));
        fixture.givenNoPriorActivity().when(create("name", "W"), as("cy", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
    }

    @Test
    void aChangeChecksTheValuesAsItWouldLeaveThem() {
        fixture.given(MIAS).when(new ChangeProduct(5, 1L, Map.of("price", new BigDecimal("9.99"), "onSale", false)),
                        as("mia", Role.MANAGER))
                .expectEvents(new ProductChanged(5, List.of(FieldChange.of("price", "10", "9.99"),
                        FieldChange.of("onSale", "true", "false"))));
        // the same value written otherwise is no change
        fixture.given(MIAS).when(new ChangeProduct(5, null, Map.of("price", "10.00", "type", "goods")),
                as("mia", Role.MANAGER)).expectNoEvents();
        Map<String, Object> noCurrency = new HashMap<>();
        noCurrency.put("currency", null);
        fixture.given(MIAS).when(new ChangeProduct(5, null, noCurrency), as("mia", Role.MANAGER))
                .expectException(errorsOn("currency"));
        fixture.given(MIAS).when(new ChangeProduct(5, null, Map.of("currency", "GBP")), as("mia", Role.MANAGER))
                .expectException(errorsOn("currency"));
        Map<String, Object> noType = new HashMap<>();
        noType.put("type", "");
        fixture.given(MIAS).when(new ChangeProduct(5, null, noType), as("mia", Role.MANAGER))
                .expectException(errorsOn("type"));
        // the price cleared: its currency may go too
        Map<String, Object> noPrice = new HashMap<>();
        noPrice.put("price", null);
        noPrice.put("currency", null);
        fixture.given(MIAS).when(new ChangeProduct(5, null, noPrice), as("mia", Role.MANAGER))
                .expectEvents(new ProductChanged(5, List.of(FieldChange.of("price", "10", null),
                        FieldChange.of("currency", "EUR", null))));
        fixture.given(MIAS).when(new ChangeProduct(5, 3L, Map.of("category", "x")), as("mia", Role.MANAGER))
                .expectException(Rejected.StaleVersion.class);
    }

    @Test
    void theDepartmentDecidesWhoChangesAndDeletesAndAdminsRestore() {
        // an operator of the department: yes; a manager of another department: it does not exist for them
        fixture.given(MIAS).when(new ChangeProduct(5, null, Map.of("category", "Tools")), as("ora", Role.OPERATOR))
                .expectEvents(new ProductChanged(5, List.of(FieldChange.of("category", null, "Tools"))));
        fixture.given(MIAS).when(new ChangeProduct(5, null, Map.of("category", "Tools")), as("max", Role.MANAGER))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new DeleteProduct(5, null), as("oskar", Role.OPERATOR))
                .expectException(Rejected.NotFound.class);
        // a chief sees it all but changes nothing
        fixture.given(MIAS).when(new DeleteProduct(5, null), as("cy", Role.CHIEF))
                .expectException(Rejected.Forbidden.class);
        fixture.given(MIAS).when(new DeleteProduct(5, null), as("cole", Role.ACCOUNTANT))
                .expectException(Rejected.NotFound.class);
        fixture.given(MIAS).when(new DeleteProduct(5, 1L), as("ora", Role.OPERATOR))
                .expectEvents(new ProductDeleted(5));
        fixture.given(MIAS, new ProductDeleted(5)).when(new ChangeProduct(5, null, Map.of("category", "x")),
                as("mia", Role.MANAGER)).expectException(Rejected.NotFound.class);
        fixture.given(MIAS, new ProductDeleted(5)).when(new RestoreProduct(5), as("mia", Role.MANAGER))
                .expectException(Rejected.class);
        fixture.given(MIAS, new ProductDeleted(5)).when(new RestoreProduct(5), as("root", Role.ADMIN))
                .expectEvents(new ProductRestored(5));
        fixture.given(MIAS).when(new RestoreProduct(5), as("root", Role.ADMIN)).expectException(Rejected.class);
    }
}
