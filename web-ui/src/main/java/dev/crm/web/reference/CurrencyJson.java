package dev.crm.web.reference;

import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** A currency in the API. */
@Schema(name = "Currency", description = "A currency, by its ISO 4217 code; exactly one is the state currency and one "
        + "the marketing currency")
record CurrencyJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "currency") String kind,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String code,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1.085",
                            description = "What one unit is worth in the state currency") BigDecimal rateToState,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1",
                            description = "What one unit is worth in the marketing currency") BigDecimal rateToMarketing,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean state,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean marketing,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static CurrencyJson of(ReferenceView r) {
        return new CurrencyJson(r.id(), ReferenceKind.CURRENCY.kind().name(), r.value(Fields.CODE.name()),
                new BigDecimal(r.value(Fields.RATE_TO_STATE.name())), new BigDecimal(r.value(Fields.RATE_TO_MARKETING.name())),
                r.flag(Fields.STATE.name()), r.flag(Fields.MARKETING.name()), r.version(), r.createdAt(), r.updatedAt());
    }

    @Schema(name = "CurrencyInput", description = "A currency's fields; a create needs the code (ISO 4217, unique); "
            + "rates are numbers above 0 (1 when not given); state and marketing: true takes the mark from the other")
    record Input(String code, BigDecimal rateToState, BigDecimal rateToMarketing, Boolean state, Boolean marketing) {
    }
}
