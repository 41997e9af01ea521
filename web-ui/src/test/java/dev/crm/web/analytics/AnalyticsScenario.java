package dev.crm.web.analytics;

import static org.awaitility.Awaitility.await;

import dev.crm.app.ObjectIds;
import dev.crm.app.analytics.AnalyticsLag;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.deal.DealClosed;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealStageChanged;
import dev.crm.shared.payment.PaymentCreated;
import dev.crm.shared.product.ProductCreated;
import dev.crm.shared.reference.ClosingReasonCreated;
import dev.crm.shared.reference.CurrencyChanged;
import dev.crm.shared.reference.CurrencyCreated;
import dev.crm.shared.reference.LeadSourceCreated;
import dev.crm.shared.reference.StageCreated;
import dev.crm.shared.request.RequestCreated;
import dev.crm.shared.request.RequestDealCreated;
import dev.crm.shared.request.RequestMatched;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Known events, stored with the times they would have had, in a department of their own, so that the reports'
 * numbers can be worked out by hand (they are, in {@code AnalyticsReportsIT}): two currencies of their own (A at 1.5
 * throughout; B at 2, then 3 from 2026-06-01T00:00Z), stages, closing reasons and a lead source of the department, four
 * requests (a duplicate and a case among them), four deals (two won, one lost, one open) and payments on month
 * boundaries. The reports cut months in Europe/Berlin, where 2026-10-31T23:30Z is already November.
 */
final class AnalyticsScenario {

    /** The zone of the scenario's department: its reports cut days and months there ({@code ReportZone}). */
    static final String ZONE = "Europe/Berlin";

    /** A new department in {@link #ZONE}, made by the administrator through the API. */
    static long department(dev.crm.web.testsupport.Api api, String name) {
        long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", name + " "
                + System.nanoTime())).body().get("id").asLong();
        dev.crm.web.testsupport.Api.Response zoned = api.as("admin", "PATCH", "/api/admin/departments/" + department,
                Map.of("timeZone", ZONE));
        if (zoned.status() != 200) {
            throw new IllegalStateException("the department's zone was refused: " + zoned.text());
        }
        return department;
    }


    final long department;
    final String owner;
    final String currencyA;
    final String currencyB;
    final String stageOffer;
    final String stageWon;
    final String reasonWon;
    final String reasonLost;
    final String source;
    final String product;
    final long currencyBId;
    final List<DomainEventMessage<?>> events = new ArrayList<>();
    /** The month after the current one (in the reports' zone), where an expected payment is dated. */
    final LocalDate nextMonth;

    private final EventStore store;
    private final TransactionTemplate tx;
    private final ObjectIds ids;
    private final Map<Long, Long> sequences = new HashMap<>();

    AnalyticsScenario(EventStore store, PlatformTransactionManager transactions, ObjectIds ids, long department,
                      String owner, java.time.ZoneId zone) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.ids = ids;
        this.department = department;
        this.owner = owner;
        String u = Long.toString(System.nanoTime(), 36);
        this.currencyA = code();
        this.currencyB = code();
        this.stageOffer = "Offer " + u;
        this.stageWon = "Signed " + u;
        this.reasonWon = "Won " + u;
        this.reasonLost = "Lost " + u;
        this.source = "Fair " + u;
        this.product = "Gear " + u;
        this.nextMonth = LocalDate.now(zone).plusMonths(1).withDayOfMonth(15);
        String dept = Long.toString(department);

        long a = ids.next();
        publish(a, "ReferenceAggregate", new CurrencyCreated(a, currency(currencyA, "1.5")), "2026-01-01T00:00:00Z");
        long b = ids.next();
        this.currencyBId = b;
        publish(b, "ReferenceAggregate", new CurrencyCreated(b, currency(currencyB, "2")), "2026-01-01T00:00:00Z");
        publish(b, "ReferenceAggregate", new CurrencyChanged(b, Map.of("rateToState", "2"), Map.of("rateToState", "3")),
                "2026-06-01T00:00:00Z");

        long offer = ids.next();
        publish(offer, "ReferenceAggregate", new StageCreated(offer, stage(stageOffer, dept, 0, false)),
                "2026-01-01T00:00:00Z");
        long won = ids.next();
        publish(won, "ReferenceAggregate", new StageCreated(won, stage(stageWon, dept, 1, true)), "2026-01-01T00:00:00Z");
        long reasonW = ids.next();
        publish(reasonW, "ReferenceAggregate", new ClosingReasonCreated(reasonW, Map.of("name", reasonWon, "index", "0",
                "success", "true")), "2026-01-01T00:00:00Z");
        long reasonL = ids.next();
        publish(reasonL, "ReferenceAggregate", new ClosingReasonCreated(reasonL, Map.of("name", reasonLost, "index", "1",
                "success", "false")), "2026-01-01T00:00:00Z");
        long src = ids.next();
        Map<String, String> sourceValues = new LinkedHashMap<>();
        sourceValues.put("name", source);
        sourceValues.put("department", dept);
        publish(src, "ReferenceAggregate", new LeadSourceCreated(src, sourceValues), "2026-01-01T00:00:00Z");

        long gear = ids.next();
        publish(gear, "ProductAggregate", new ProductCreated(gear, Map.of("name", product, "price", "40",
                "currency", currencyB), owner, department), "2026-01-02T00:00:00Z");

        // requests: r1 primary from the fair, r2 subsequent without a source (received on Berlin's 1 November),
        // r3 a duplicate, r4 a case: those two are left out
        long r1 = ids.next();
        publish(r1, "RequestAggregate", new RequestCreated(r1, Map.of("subject", "Quote " + u, "source",
                Long.toString(src)), owner, department), "2026-03-01T09:00:00Z");
        long r2 = ids.next();
        publish(r2, "RequestAggregate", new RequestCreated(r2, Map.of("subject", "Again " + u), owner, department),
                "2026-10-31T23:30:00Z");
        publish(r2, "RequestAggregate", new RequestMatched(r2, List.of(FieldChange.of("subsequent", false, true))),
                "2026-10-31T23:30:00Z");
        long r3 = ids.next();
        publish(r3, "RequestAggregate", new RequestCreated(r3, Map.of("subject", "Twice " + u, "source",
                Long.toString(src), "duplicate", "true"), owner, department), "2026-03-02T09:00:00Z");
        long r4 = ids.next();
        publish(r4, "RequestAggregate", new RequestCreated(r4, Map.of("subject", "Broken " + u, "case", "true"), owner,
                department), "2026-03-03T09:00:00Z");

        // d1 from r1: won after 10 days at the success stage, with two gears; d2 from r2: lost at the offer stage on
        // Berlin's 1 November; d3 open; d4 won after 20 days
        long d1 = ids.next();
        publish(d1, "DealAggregate", new DealCreated(d1, Map.of("name", "Deal one " + u, "stage", Long.toString(offer),
                "request", Long.toString(r1), "products", gear + ":2"), owner, department), "2026-03-01T10:00:00Z");
        publish(r1, "RequestAggregate", new RequestDealCreated(r1, d1, null, null), "2026-03-01T10:00:00Z");
        publish(d1, "DealAggregate", new DealStageChanged(d1, offer, won), "2026-03-11T10:00:00Z");
        publish(d1, "DealAggregate", new DealClosed(d1, reasonW, "2026-03-11T10:00:00Z"), "2026-03-11T10:00:00Z");
        long d2 = ids.next();
        publish(d2, "DealAggregate", new DealCreated(d2, Map.of("name", "Deal two " + u, "stage", Long.toString(offer),
                "request", Long.toString(r2)), owner, department), "2026-04-01T00:00:00Z");
        publish(r2, "RequestAggregate", new RequestDealCreated(r2, d2, null, null), "2026-04-01T00:00:00Z");
        publish(d2, "DealAggregate", new DealClosed(d2, reasonL, "2026-10-31T23:30:00Z"), "2026-10-31T23:30:00Z");
        long d3 = ids.next();
        publish(d3, "DealAggregate", new DealCreated(d3, Map.of("name", "Deal three " + u, "stage",
                Long.toString(offer)), owner, department), "2026-05-01T00:00:00Z");
        long d4 = ids.next();
        publish(d4, "DealAggregate", new DealCreated(d4, Map.of("name", "Deal four " + u, "stage",
                Long.toString(offer)), owner, department), "2026-05-01T00:00:00Z");
        publish(d4, "DealAggregate", new DealStageChanged(d4, offer, won), "2026-05-21T00:00:00Z");
        publish(d4, "DealAggregate", new DealClosed(d4, reasonW, "2026-05-21T00:00:00Z"), "2026-05-21T00:00:00Z");

        // payments of d1: 100 A (150) in February; 100 B on 31 May (rate 2: 200) and on 15 June (rate 3: 300); 10 A
        // without a date, added at 2026-10-31T23:30Z (November in Berlin: 15); 100 B guaranteed next month (at
        // today's rate 3: 300)
        payment(d1, "100", currencyA, "2026-02-15", "received", "2026-02-15T08:00:00Z");
        payment(d1, "100", currencyB, "2026-05-31", "received", "2026-05-31T08:00:00Z");
        payment(d1, "100", currencyB, "2026-06-15", "received", "2026-06-15T08:00:00Z");
        payment(d1, "10", currencyA, null, "received", "2026-10-31T23:30:00Z");
        payment(d1, "100", currencyB, nextMonth.toString(), "guaranteed", "2026-06-15T09:00:00Z");
    }

    private void payment(long deal, String amount, String currency, String date, String status, String at) {
        long id = ids.next();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", amount);
        fields.put("currency", currency);
        if (date != null) {
            fields.put("date", date);
        }
        fields.put("status", status);
        publish(id, "PaymentAggregate", new PaymentCreated(id, fields, deal, owner, department), at);
    }

    /** A currency code of three letters no other test uses (most likely). */
    private static String code() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "Q" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    }

    private static Map<String, String> currency(String code, String rate) {
        return Map.of("code", code, "rateToState", rate, "rateToMarketing", "1", "state", "false", "marketing", "false");
    }

    private static Map<String, String> stage(String name, String department, int index, boolean success) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("department", department);
        values.put("index", Integer.toString(index));
        values.put("default", "false");
        values.put("success", Boolean.toString(success));
        return values;
    }

    private void publish(long aggregate, String type, Object payload, String at) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(type, Long.toString(aggregate), sequence, payload,
                Actor.of(owner, Role.MANAGER).toMetaData(), java.util.UUID.randomUUID().toString(), Instant.parse(at));
        tx.executeWithoutResult(s -> store.publish(event));
        events.add(event);
    }

    /** Waits until the reports have seen every event of the store. */
    static void caughtUp(AnalyticsLag lag) {
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.now().events() == 0);
    }
}
