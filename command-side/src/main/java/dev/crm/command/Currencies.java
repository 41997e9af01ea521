package dev.crm.command;

import dev.crm.shared.kind.Field;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an aggregate with an amount and its currency (a product's price, a deal's amount, a payment) needs to know of
 * the currencies of the reference data ({@code /api/admin/currencies}); the application answers from their read
 * model.
 */
public interface Currencies {

    /** Whether a live currency of the reference data has this ISO code ({@code EUR}). */
    boolean known(String code);

    /**
     * The rule of an amount and its currency over the values as a command would leave them ({@code after}): the
     * currency is required when the amount has a value, and a currency given or changed (unlike {@code before}) must
     * be known. A field with an error already is not checked again.
     */
    default void check(Field amount, Field currency, Map<String, String> before, Map<String, String> after,
                       List<Rejected.FieldError> errors) {
        if (errors.stream().anyMatch(e -> currency.is(e.field()))) {
            return;
        }
        String code = after.get(currency.name());
        if (code == null) {
            if (after.get(amount.name()) != null && errors.stream().noneMatch(e -> amount.is(e.field()))) {
                errors.add(Input.error(currency, "validation.currency.required"));
            }
        } else if (!Objects.equals(code, before.get(currency.name())) && !known(code)) {
            errors.add(Input.error(currency, "validation.currency.unknown", code));
        }
    }
}
