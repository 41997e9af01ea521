package dev.crm.command.payment;

import static dev.crm.command.FieldErrors.errorsOn;
import dev.crm.command.Currencies;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.payment.PaymentCommands.ChangePayment;
import dev.crm.command.payment.PaymentCommands.CreatePayment;
import dev.crm.command.payment.PaymentCommands.DeletePayment;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.payment.PaymentChanged;
import dev.crm.shared.payment.PaymentCreated;
import dev.crm.shared.payment.PaymentDeleted;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment's rules: its deal's owner and department, an amount above 0, the deal's co-owner, its deal's close. */
class PaymentAggregateTest {

    AggregateTestFixture<PaymentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentAggregate.class);
        fixture.registerInjectableResource(new UserDirectory() {
            @Override
            public boolean isActiveUser(String username) {
                return true;
            }

            @Override
            public List<Long> departmentsOf(String username) {
                return List.of(7L);
            }
        });
        fixture.registerInjectableResource((Currencies) code -> List.of("EUR", "USD").contains(code));
        // deal 53: owned by mia, co-owned by max
        fixture.registerInjectableResource(new PaymentDeals() {
            @Override
            public Optional<Holder> visible(long deal, Actor actor) {
                return deal == 53 && List.of("mia", "max", "ann").contains(actor.username())
                        ? Optional.of(new Holder("mia", "max", 7L)) : Optional.empty();
            }

            @Override
            public String coOwner(long deal) {
                return deal == 53 ? "max" : null;
            }
        });
    }

    static Map<String, String> as(String user, Role role) {
        return Actor.of(user, role).toMetaData();
    }

    static Map<String, Object> withCause(Map<String, String> metaData, long cause) {
        Map<String, Object> with = new HashMap<>(metaData);
        with.put(Causes.CAUSED_BY, cause);
        return with;
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

    static final PaymentCreated PAID = new PaymentCreated(54, values("amount", "250", "currency", "EUR", "status",
            "guaranteed"), 53, "mia", 7L);

    @Test
    void theDealsCoOwnerAddsOneWithTheDealsOwnerAndDepartment() {
        fixture.givenNoPriorActivity()
                .when(new CreatePayment(54, 53L, fields("amount", 250, "currency", "EUR", "status", "guaranteed")),
                        as("max", Role.MANAGER))
                .expectEvents(PAID);
    }

    @Test
    void anAmountIsAbove0() {
        fixture.givenNoPriorActivity()
                .when(new CreatePayment(54, 53L, fields("amount", 0, "currency", "EUR")), as("mia", Role.MANAGER))
                .expectException(errorsOn("amount"));
        fixture.givenNoPriorActivity()
                .when(new CreatePayment(54, 53L, fields("currency", "EUR")), as("mia", Role.MANAGER))
                .expectException(errorsOn("amount"));
        fixture.given(PAID)
                .when(new ChangePayment(54, null, fields("amount", "0.00")), as("mia", Role.MANAGER))
                .expectException(errorsOn("amount"));
    }

    @Test
    void anAccountantChangesButDoesNotAdd() {
        fixture.givenNoPriorActivity()
                .when(new CreatePayment(54, 53L, fields("amount", 1, "currency", "EUR")), as("ann", Role.ACCOUNTANT))
                .expectException(Rejected.Forbidden.class);
        fixture.given(PAID)
                .when(new ChangePayment(54, null, fields("status", "received")), as("ann", Role.ACCOUNTANT))
                .expectEvents(new PaymentChanged(54, List.of(FieldChange.of("status", "guaranteed", "received"))));
    }

    @Test
    void itsDealsCloseRemovesItWhoeverCloses() {
        fixture.given(PAID)
                .when(new DeletePayment(54, null), as("ora", Role.OPERATOR))
                .expectException(Rejected.NotFound.class);
        fixture.given(PAID)
                .when(new DeletePayment(54, null), withCause(as("ora", Role.OPERATOR), 53L))
                .expectEvents(new PaymentDeleted(54));
    }
}
