package dev.crm.shared.payment;

import dev.crm.shared.ApiNamed;
import java.util.Locale;

/** Where a payment stands: received, or expected with a guarantee, a high or a low probability. */
public enum PaymentStatus implements ApiNamed {
    RECEIVED, GUARANTEED, HIGH_PROBABILITY, LOW_PROBABILITY;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
