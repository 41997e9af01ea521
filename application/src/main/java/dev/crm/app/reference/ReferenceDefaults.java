package dev.crm.app.reference;

import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data a fresh store starts with, so that a new user can work at once: the reference product's deal
 * stages (for every department: {@code department} null), its closing reasons, a few lead sources, and EUR (the state
 * currency) and USD (the marketing currency). Made once, as events of the first start ({@code ReferenceService#seedDefaults}).
 */
public final class ReferenceDefaults {

    private ReferenceDefaults() {
    }

    public static Map<ReferenceKind, List<Map<String, String>>> all() {
        Map<ReferenceKind, List<Map<String, String>>> all = new LinkedHashMap<>();
        all.put(ReferenceKind.STAGE, List.of(
                stage("Request", 0, true, false),
                stage("Analysis of the request", 1, false, false),
                stage("Offer", 2, false, false),
                stage("Negotiation", 3, false, false),
                stage("Contract", 4, false, false),
                stage("Closed", 5, false, true)));
        all.put(ReferenceKind.CLOSING_REASON, List.of(
                reason("Won", 0, true),
                reason("Lost to a competitor", 1, false),
                reason("No budget", 2, false),
                reason("No answer", 3, false),
                reason("Not relevant", 4, false)));
        all.put(ReferenceKind.LEAD_SOURCE, List.of(
                Map.of(Fields.NAME.name(), "Website"),
                Map.of(Fields.NAME.name(), "E-mail"),
                Map.of(Fields.NAME.name(), "Phone"),
                Map.of(Fields.NAME.name(), "Referral"),
                Map.of(Fields.NAME.name(), "Exhibition")));
        all.put(ReferenceKind.CURRENCY, List.of(
                currency("EUR", "1", "1.08", true, false),
                currency("USD", "0.93", "1", false, true)));
        return all;
    }

    private static Map<String, String> stage(String name, int index, boolean isDefault, boolean success) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Fields.NAME.name(), name);
        values.put(Fields.DEPARTMENT.name(), null);
        values.put(Fields.INDEX.name(), Integer.toString(index));
        values.put(Fields.DEFAULT.name(), Boolean.toString(isDefault));
        values.put(Fields.SUCCESS.name(), Boolean.toString(success));
        return values;
    }

    private static Map<String, String> reason(String name, int index, boolean success) {
        return Map.of(Fields.NAME.name(), name, Fields.INDEX.name(), Integer.toString(index),
                Fields.SUCCESS.name(), Boolean.toString(success));
    }

    private static Map<String, String> currency(String code, String toState, String toMarketing, boolean state,
                                                boolean marketing) {
        return Map.of(Fields.CODE.name(), code, Fields.RATE_TO_STATE.name(), toState,
                Fields.RATE_TO_MARKETING.name(), toMarketing, Fields.STATE.name(), Boolean.toString(state),
                Fields.MARKETING.name(), Boolean.toString(marketing));
    }
}
