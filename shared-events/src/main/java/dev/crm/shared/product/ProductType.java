package dev.crm.shared.product;

import dev.crm.shared.ApiNamed;
import java.util.Locale;

/** What a product is: goods or a service. */
public enum ProductType implements ApiNamed {
    GOODS, SERVICE;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
