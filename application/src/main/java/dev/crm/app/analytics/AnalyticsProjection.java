package dev.crm.app.analytics;

import dev.crm.shared.FieldChange;
import dev.crm.shared.deal.DealChanged;
import dev.crm.shared.deal.DealClosed;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealDeleted;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.deal.DealOwnerChanged;
import dev.crm.shared.deal.DealRestored;
import dev.crm.shared.deal.DealStageChanged;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.payment.PaymentChanged;
import dev.crm.shared.payment.PaymentCreated;
import dev.crm.shared.payment.PaymentDeleted;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.shared.payment.PaymentOwnerChanged;
import dev.crm.shared.payment.PaymentRestored;
import dev.crm.shared.product.ProductChanged;
import dev.crm.shared.product.ProductCreated;
import dev.crm.shared.product.ProductDeleted;
import dev.crm.shared.product.ProductKind;
import dev.crm.shared.product.ProductRestored;
import dev.crm.shared.reference.CurrencyChanged;
import dev.crm.shared.reference.CurrencyCreated;
import dev.crm.shared.reference.ReferenceEvent;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import dev.crm.shared.request.RequestChanged;
import dev.crm.shared.request.RequestCreated;
import dev.crm.shared.request.RequestDealCreated;
import dev.crm.shared.request.RequestDeleted;
import dev.crm.shared.request.RequestKind;
import dev.crm.shared.request.RequestMatched;
import dev.crm.shared.request.RequestOwnerChanged;
import dev.crm.shared.request.RequestRestored;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The analytics reports' projection (issue 16): the handler of the tracking processor {@value #GROUP} (configured in
 * the web module's {@code AxonConfig}, its token in Axon's JDBC token store, in segments), so reports may lag a moment
 * behind commands and never slow them down. It writes only its own tables ({@code anl_*}, V37), one row per object
 * keyed by its ID and carrying its version ({@code sequence + 1}): an event whose version the row has reached already
 * is skipped, so an event seen twice changes nothing. Outside {@code dev.crm.query}, the read models' rebuild never
 * replays it; it is rebuilt by resetting its token ({@link AnalyticsRebuild}), which empties its tables first
 * ({@link #reset()}). Events of different objects may be seen in any order (segments): a report joins its rows when it
 * is asked, never here.
 */
@Component
@ProcessingGroup(AnalyticsProjection.GROUP)
public class AnalyticsProjection {

    public static final String GROUP = "analytics";
    /** Its tables, children first. */
    public static final List<String> TABLES = List.of("anl_deal_product", "anl_payment", "anl_deal", "anl_request",
            "anl_product", "anl_rate", "anl_currency", "anl_reference");

    private final JdbcTemplate jdbc;

    public AnalyticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    public void reset() {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    // ---- reference data: stages, closing reasons, lead sources, currencies

    @EventHandler
    void on(ReferenceEvent.Created e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        ReferenceKind kind = ReferenceKind.of(e);
        long version = sequence + 1;
        Map<String, String> v = e.values();
        if (kind == ReferenceKind.CURRENCY) {
            if (version(CURRENCY, e.objectId()) >= version) {
                return;
            }
            BigDecimal rate = decimal(v.get(Fields.RATE_TO_STATE.name()));
            jdbc.update("INSERT INTO anl_currency (id, code, rate, state, version) VALUES (?, ?, ?, ?, ?)", e.objectId(),
                    v.get(Fields.CODE.name()), rate, flag(v.get(Fields.STATE.name())), version);
            rate(e.objectId(), at, rate);
        } else if (kind != ReferenceKind.MAIL_ACCOUNT) {
            if (version(REFERENCE, e.objectId()) >= version) {
                return;
            }
            jdbc.update("INSERT INTO anl_reference (id, kind, name, department, sort_index, success, version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)", e.objectId(), kind.kind().name(), v.get(Fields.NAME.name()),
                    number(v.get(Fields.DEPARTMENT.name())), index(v.get(Fields.INDEX.name())),
                    flag(v.get(Fields.SUCCESS.name())), version);
        }
    }

    @EventHandler
    void on(ReferenceEvent.Changed e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        ReferenceKind kind = ReferenceKind.of(e);
        long version = sequence + 1;
        Map<String, String> to = e.to();
        if (kind == ReferenceKind.CURRENCY) {
            if (version(CURRENCY, e.objectId()) >= version) {
                return;
            }
            Map<String, Object> set = new LinkedHashMap<>();
            if (to.containsKey(Fields.CODE.name())) {
                set.put("code", to.get(Fields.CODE.name()));
            }
            if (to.containsKey(Fields.STATE.name())) {
                set.put("state", flag(to.get(Fields.STATE.name())));
            }
            if (to.containsKey(Fields.RATE_TO_STATE.name())) {
                BigDecimal rate = decimal(to.get(Fields.RATE_TO_STATE.name()));
                set.put("rate", rate);
                rate(e.objectId(), at, rate);
            }
            update(CURRENCY, e.objectId(), version, set);
        } else if (kind != ReferenceKind.MAIL_ACCOUNT) {
            if (version(REFERENCE, e.objectId()) >= version) {
                return;
            }
            Map<String, Object> set = new LinkedHashMap<>();
            if (to.containsKey(Fields.NAME.name())) {
                set.put("name", to.get(Fields.NAME.name()));
            }
            if (to.containsKey(Fields.DEPARTMENT.name())) {
                set.put(DEPARTMENT_COLUMN, number(to.get(Fields.DEPARTMENT.name())));
            }
            if (to.containsKey(Fields.INDEX.name())) {
                set.put("sort_index", index(to.get(Fields.INDEX.name())));
            }
            if (to.containsKey(Fields.SUCCESS.name())) {
                set.put("success", flag(to.get(Fields.SUCCESS.name())));
            }
            update(REFERENCE, e.objectId(), version, set);
        }
    }

    @EventHandler
    void on(ReferenceEvent.Deleted e, @SequenceNumber long sequence) {
        deleted(ReferenceKind.of(e) == ReferenceKind.CURRENCY ? CURRENCY : REFERENCE, e.objectId(), sequence + 1, true);
    }

    @EventHandler
    void on(ReferenceEvent.Restored e, @SequenceNumber long sequence) {
        deleted(ReferenceKind.of(e) == ReferenceKind.CURRENCY ? CURRENCY : REFERENCE, e.objectId(), sequence + 1, false);
    }

    /** The rate in force from {@code at} on (kept once per currency and instant). */
    private void rate(long currency, Instant at, BigDecimal rate) {
        if (rate == null) {
            return;
        }
        Timestamp from = ts(at);
        jdbc.update("INSERT INTO anl_rate (currency_id, valid_from, rate) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM anl_rate WHERE currency_id = ? AND valid_from = ?)", currency, from, rate, currency, from);
    }

    // ---- products (their names, prices and currencies for the sales report)

    @EventHandler
    void on(ProductCreated e, @SequenceNumber long sequence) {
        if (version(PRODUCT, e.productId()) >= sequence + 1) {
            return;
        }
        Map<String, String> v = e.fields();
        jdbc.update("INSERT INTO anl_product (id, name, price, currency, version) VALUES (?, ?, ?, ?, ?)",
                e.productId(), v.get(ProductKind.PRODUCT_NAME.name()), decimal(v.get(ProductKind.PRICE.name())),
                v.get(ProductKind.CURRENCY.name()), sequence + 1);
    }

    @EventHandler
    void on(ProductChanged e, @SequenceNumber long sequence) {
        if (version(PRODUCT, e.productId()) >= sequence + 1) {
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (FieldChange c : e.changes()) {
            if (c.field().equals(ProductKind.PRODUCT_NAME.name())) {
                set.put("name", c.to());
            } else if (c.field().equals(ProductKind.PRICE.name())) {
                set.put("price", decimal(c.to()));
            } else if (c.field().equals(ProductKind.CURRENCY.name())) {
                set.put(CURRENCY_COLUMN, c.to());
            }
        }
        update(PRODUCT, e.productId(), sequence + 1, set);
    }

    @EventHandler
    void on(ProductDeleted e, @SequenceNumber long sequence) {
        deleted(PRODUCT, e.productId(), sequence + 1, true);
    }

    @EventHandler
    void on(ProductRestored e, @SequenceNumber long sequence) {
        deleted(PRODUCT, e.productId(), sequence + 1, false);
    }

    // ---- requests

    @EventHandler
    void on(RequestCreated e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (version(REQUEST, e.requestId()) >= sequence + 1) {
            return;
        }
        Map<String, String> v = e.fields();
        jdbc.update("INSERT INTO anl_request (id, department, owner, received_at, source, duplicate, is_case, subsequent, "
                        + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.requestId(), e.department(), e.owner(), ts(at),
                number(v.get(RequestKind.SOURCE.name())), flag(v.get(RequestKind.DUPLICATE.name())),
                flag(v.get(RequestKind.CASE.name())), flag(v.get(RequestKind.SUBSEQUENT.name())), sequence + 1);
    }

    @EventHandler
    void on(RequestChanged e, @SequenceNumber long sequence) {
        requestChanges(e.requestId(), sequence + 1, e.changes());
    }

    @EventHandler
    void on(RequestMatched e, @SequenceNumber long sequence) {
        requestChanges(e.requestId(), sequence + 1, e.changes());
    }

    @EventHandler
    void on(RequestDealCreated e, @SequenceNumber long sequence) {
        requestChanges(e.requestId(), sequence + 1, e.changes());
    }

    private void requestChanges(long id, long version, List<FieldChange> changes) {
        if (version(REQUEST, id) >= version) {
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (FieldChange c : changes) {
            String field = c.field();
            if (field.equals(RequestKind.SOURCE.name())) {
                set.put("source", number(c.to()));
            } else if (field.equals(RequestKind.DUPLICATE.name())) {
                set.put("duplicate", flag(c.to()));
            } else if (field.equals(RequestKind.CASE.name())) {
                set.put("is_case", flag(c.to()));
            } else if (field.equals(RequestKind.SUBSEQUENT.name())) {
                set.put("subsequent", flag(c.to()));
            } else if (field.equals(RequestKind.DEAL.name())) {
                set.put(DEAL_COLUMN, number(c.to()));
            }
        }
        update(REQUEST, id, version, set);
    }

    @EventHandler
    void on(RequestOwnerChanged e, @SequenceNumber long sequence) {
        if (version(REQUEST, e.requestId()) < sequence + 1) {
            update(REQUEST, e.requestId(), sequence + 1, Map.of("owner", e.to()));
        }
    }

    @EventHandler
    void on(RequestDeleted e, @SequenceNumber long sequence) {
        deleted(REQUEST, e.requestId(), sequence + 1, true);
    }

    @EventHandler
    void on(RequestRestored e, @SequenceNumber long sequence) {
        deleted(REQUEST, e.requestId(), sequence + 1, false);
    }

    // ---- deals

    @EventHandler
    void on(DealCreated e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (version(DEAL, e.dealId()) >= sequence + 1) {
            return;
        }
        Map<String, String> v = e.fields();
        jdbc.update("INSERT INTO anl_deal (id, department, owner, created_at, stage, version) VALUES (?, ?, ?, ?, ?, ?)",
                e.dealId(), e.department(), e.owner(), ts(at), number(v.get(DealKind.STAGE.name())), sequence + 1);
        lines(e.dealId(), v.get(DealKind.PRODUCTS.name()));
    }

    @EventHandler
    void on(DealChanged e, @SequenceNumber long sequence) {
        if (version(DEAL, e.dealId()) >= sequence + 1) {
            return;
        }
        for (FieldChange c : e.changes()) {
            if (c.field().equals(DealKind.PRODUCTS.name())) {
                lines(e.dealId(), c.to());
            }
        }
        update(DEAL, e.dealId(), sequence + 1, Map.of());
    }

    @EventHandler
    void on(DealStageChanged e, @SequenceNumber long sequence) {
        if (version(DEAL, e.dealId()) < sequence + 1) {
            update(DEAL, e.dealId(), sequence + 1, Map.of(STAGE_COLUMN, e.to()));
        }
    }

    /** Closed: the stage it is in now is the stage it was closed at (a success's move comes just before). */
    @EventHandler
    void on(DealClosed e, @SequenceNumber long sequence) {
        if (version(DEAL, e.dealId()) >= sequence + 1) {
            return;
        }
        jdbc.update("UPDATE anl_deal SET closing_reason = ?, closed_at = ?, closing_stage = stage, version = ? "
                + "WHERE id = ?", e.closingReason(), ts(Instant.parse(e.closedAt())), sequence + 1, e.dealId());
    }

    @EventHandler
    void on(DealOwnerChanged e, @SequenceNumber long sequence) {
        if (version(DEAL, e.dealId()) < sequence + 1) {
            update(DEAL, e.dealId(), sequence + 1, Map.of("owner", e.to()));
        }
    }

    @EventHandler
    void on(DealDeleted e, @SequenceNumber long sequence) {
        deleted(DEAL, e.dealId(), sequence + 1, true);
    }

    @EventHandler
    void on(DealRestored e, @SequenceNumber long sequence) {
        deleted(DEAL, e.dealId(), sequence + 1, false);
    }

    private void lines(long deal, String encoded) {
        jdbc.update("DELETE FROM anl_deal_product WHERE deal = ?", deal);
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Lines.Line line : Lines.decode(encoded)) {
            rows.add(new Object[] {deal, line.id(), line.quantity()});
        }
        jdbc.batchUpdate("INSERT INTO anl_deal_product (deal, product, quantity) VALUES (?, ?, ?)", rows);
    }

    // ---- payments

    @EventHandler
    void on(PaymentCreated e, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (version(PAYMENT, e.paymentId()) >= sequence + 1) {
            return;
        }
        Map<String, String> v = e.fields();
        jdbc.update("INSERT INTO anl_payment (id, deal, department, owner, amount, currency, paid_on, status, created_at, "
                        + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.paymentId(), e.deal(), e.department(),
                e.owner(), decimal(v.get(PaymentKind.AMOUNT.name())), v.get(PaymentKind.CURRENCY.name()),
                date(v.get(PaymentKind.DATE.name())), status(v.get(PaymentKind.STATUS.name())), ts(at), sequence + 1);
    }

    @EventHandler
    void on(PaymentChanged e, @SequenceNumber long sequence) {
        if (version(PAYMENT, e.paymentId()) >= sequence + 1) {
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (FieldChange c : e.changes()) {
            String field = c.field();
            if (field.equals(PaymentKind.AMOUNT.name())) {
                set.put("amount", decimal(c.to()));
            } else if (field.equals(PaymentKind.CURRENCY.name())) {
                set.put(CURRENCY_COLUMN, c.to());
            } else if (field.equals(PaymentKind.DATE.name())) {
                set.put("paid_on", date(c.to()));
            } else if (field.equals(PaymentKind.STATUS.name())) {
                set.put("status", status(c.to()));
            }
        }
        update(PAYMENT, e.paymentId(), sequence + 1, set);
    }

    @EventHandler
    void on(PaymentOwnerChanged e, @SequenceNumber long sequence) {
        if (version(PAYMENT, e.paymentId()) < sequence + 1) {
            update(PAYMENT, e.paymentId(), sequence + 1, Map.of("owner", e.to()));
        }
    }

    @EventHandler
    void on(PaymentDeleted e, @SequenceNumber long sequence) {
        deleted(PAYMENT, e.paymentId(), sequence + 1, true);
    }

    @EventHandler
    void on(PaymentRestored e, @SequenceNumber long sequence) {
        deleted(PAYMENT, e.paymentId(), sequence + 1, false);
    }

    // ---- rows

    /** Columns named after a kind (their names are the kinds'). */
    private static final String DEAL_COLUMN = DealKind.NAME;
    private static final String DEPARTMENT_COLUMN = Fields.DEPARTMENT.name();
    private static final String STAGE_COLUMN = DealKind.STAGE.name();
    private static final String CURRENCY_COLUMN = ReferenceKind.CURRENCY.kind().name();
    private static final String CURRENCY = "anl_currency";
    private static final String REFERENCE = "anl_reference";
    private static final String PRODUCT = "anl_product";
    private static final String REQUEST = "anl_request";
    private static final String DEAL = "anl_deal";
    private static final String PAYMENT = "anl_payment";

    /** The version the object's row has reached; -1 when there is none. */
    private long version(String table, long id) {
        List<Long> versions = jdbc.queryForList("SELECT version FROM " + table + " WHERE id = ?", Long.class, id);
        return versions.isEmpty() ? -1 : versions.get(0);
    }

    /** Sets the columns and the version (the caller has checked that the row is behind it). */
    private void update(String table, long id, long version, Map<String, Object> set) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<Object> args = new ArrayList<>();
        set.forEach((column, value) -> {
            sql.append(column).append(" = ?, ");
            args.add(value);
        });
        sql.append("version = ? WHERE id = ? AND version < ?");
        args.add(version);
        args.add(id);
        args.add(version);
        jdbc.update(sql.toString(), args.toArray());
    }

    private void deleted(String table, long id, long version, boolean deleted) {
        jdbc.update("UPDATE " + table + " SET deleted = ?, version = ? WHERE id = ? AND version < ?", deleted, version, id,
                version);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
    }

    private static Long number(String text) {
        return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
    }

    private static int index(String text) {
        return text == null || text.isBlank() ? 0 : Integer.parseInt(text.trim());
    }

    private static boolean flag(String text) {
        return Boolean.parseBoolean(text);
    }

    private static java.sql.Date date(String text) {
        return text == null || text.isBlank() ? null : java.sql.Date.valueOf(LocalDate.parse(text.trim()));
    }

    private static String status(String text) {
        return text == null ? dev.crm.shared.payment.PaymentStatus.RECEIVED.apiName() : text;
    }
}
