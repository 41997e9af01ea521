package dev.crm.query.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.FieldChange;
import dev.crm.shared.deal.DealChanged;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealDeleted;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.deal.DealRestored;
import dev.crm.shared.request.RequestChanged;
import dev.crm.shared.request.RequestCreated;
import dev.crm.shared.request.RequestKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldsProjection} on fields of several objects: a deal's product lines ({@code deal_product}) and a request's
 * products ({@code request_product}) follow the canonical text of the events, a change replacing the whole list; a
 * delete and a restore leave the lines; an older event delivered again does not bring back older lines.
 */
class FieldLinesProjectionIT extends ProjectionContract {

    FieldsProjection projection;

    @BeforeEach
    void wire() {
        ObjectIndex objects = new ObjectIndex(db.jdbc, db.writes);
        projection = new FieldsProjection(db.writes, objects, new Links(db.jdbc, db.writes));
    }

    /** Deal 30: lines 22×1 and 23×2, then 23×5 and 24×1, deleted and restored. Request 31: 22 and 23, then 22. */
    @Override
    protected void events() {
        deliver(() -> projection.on(new DealCreated(30, Map.of("name", "Offer", "products", "22:1,23:2"), "alice", 7L),
                at(0)));
        deliver(() -> projection.on(new DealChanged(30, List.of(FieldChange.of("products", "22:1,23:2",
                "23:5,24:1"))), 1, at(1)));
        deliver(() -> projection.on(new DealDeleted(30), 2, at(2), "alice", null, null));
        deliver(() -> projection.on(new DealRestored(30), 3, at(3)));
        deliver(() -> projection.on(new RequestCreated(31, Map.of("subject", "Offer", "products", "22,23", "pending",
                "true", "duplicate", "false", "case", "false", "subsequent", "false", "verificationRequired", "false"),
                "alice", 7L), at(4)));
        deliver(() -> projection.on(new RequestChanged(31, List.of(FieldChange.of("products", "22,23", "22"))), 1,
                at(5)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("deal_product")).containsExactly("{deal_id=30, product_id=23, quantity=5}",
                "{deal_id=30, product_id=24, quantity=1}");
        assertThat(once.get("request_product")).containsExactly("{product_id=22, request_id=31}");
    }

    @Test
    void theViewKeepsTheCanonicalTextAndAClearedListHasNoRows() {
        events();
        assertThat(db.jdbc.queryForObject("SELECT products FROM deal_view WHERE id = 30", String.class))
                .isEqualTo("23:5,24:1");
        assertThat(FieldsTables.linesTable(DealKind.KIND, DealKind.PRODUCTS)).isEqualTo("deal_product");
        assertThat(FieldsTables.linesTable(RequestKind.KIND, RequestKind.PRODUCTS)).isEqualTo("request_product");
        deliver(() -> projection.on(new RequestChanged(31, List.of(FieldChange.of("products", "22", null))), 2,
                at(6)));
        assertThat(db.count("request_product")).isZero();
        // the first change, delivered again late, leaves the lines of the last one
        deliver(() -> projection.on(new DealChanged(30, List.of(FieldChange.of("products", "22:1,23:2",
                "23:5,24:1"))), 1, at(1)));
        deliver(() -> projection.on(new DealCreated(30, Map.of("name", "Offer", "products", "22:1,23:2"), "alice",
                7L), at(0)));
        assertThat(db.jdbc.queryForList("SELECT product_id FROM deal_product ORDER BY product_id", Long.class))
                .containsExactly(23L, 24L);
    }
}
