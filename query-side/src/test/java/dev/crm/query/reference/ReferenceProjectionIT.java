package dev.crm.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.reference.CurrencyChanged;
import dev.crm.shared.reference.CurrencyCreated;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.StageChanged;
import dev.crm.shared.reference.StageCreated;
import dev.crm.shared.reference.StageDeleted;
import dev.crm.shared.reference.StageRestored;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ReferenceProjection} through its handlers and again, and {@link ReferenceQueries} on its rows. */
class ReferenceProjectionIT extends ProjectionContract {

    ReferenceProjection references;
    ObjectIndex objects;
    ReferenceQueries queries;

    @BeforeEach
    void empty() {
        // not among the shared test's read models (ReadModels, whose scenario has no reference data): emptied here
        db.jdbc.update("DELETE FROM reference_value");
        db.jdbc.update("DELETE FROM reference_view");
        objects = new ObjectIndex(db.jdbc, db.writes);
        references = new ReferenceProjection(db.writes, objects);
        queries = new ReferenceQueries(db.jdbc, db.transactions());
    }

    /**
     * Stages Offer (7, default) and Contract (8) of every department; Contract takes the default and is renamed,
     * Offer is deleted and restored; EUR (9) gets an exact rate.
     */
    @Override
    protected void events() {
        deliver(() -> references.on(new StageCreated(7, values("name", "Offer", "department", null, "index", "2",
                "default", "true", "success", "false")), at(0)));
        deliver(() -> references.on(new StageCreated(8, values("name", "Contract", "department", null, "index", "1",
                "default", "false", "success", "false")), at(1)));
        deliver(() -> references.on(new StageChanged(8, values("default", "false"), values("default", "true")), 1, at(2)));
        deliver(() -> references.on(new StageChanged(7, values("default", "true"), values("default", "false")), 1, at(2)));
        deliver(() -> references.on(new StageChanged(8, values("name", "Contract"), values("name", "Signed")), 2, at(3)));
        deliver(() -> references.on(new StageDeleted(7), 2, at(4), "admin", null, null));
        deliver(() -> references.on(new StageRestored(7), 3, at(5)));
        deliver(() -> references.on(new CurrencyCreated(9, values("code", "EUR", "rateToState", "1",
                "rateToMarketing", "1.0850", "state", "true", "marketing", "true")), at(6)));
        deliver(() -> references.on(new CurrencyChanged(9, values("rateToMarketing", "1.0850"),
                values("rateToMarketing", "1.10")), 1, at(7)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("reference_view")).hasSize(3);
        assertThat(once.get("reference_value")).hasSize(15);
    }

    // The contract's tests, on this projection's tables: they are not among the shared scenario's read models
    // (ReadModels), so the contract's own snapshot and clearing do not reach them.

    @Override
    @Test
    protected void theSameEventsAppliedAgainChangeNothing() {
        events();
        Map<String, List<String>> once = snapshot();
        events();
        oneRunWrote(once);
        assertThat(snapshot()).isEqualTo(once);
    }

    @Override
    @Test
    protected void aRebuildFromEmptyTablesWritesTheSameRows() {
        events();
        Map<String, List<String>> live = snapshot();
        clear();
        events();
        assertThat(snapshot()).isEqualTo(live);
    }

    @Override
    @Test
    protected void everyEventDeliveredTwiceInARowWritesWhatOneDeliveryWrites() {
        events();
        Map<String, List<String>> once = snapshot();
        clear();
        deliveries = 2;
        events();
        assertThat(snapshot()).isEqualTo(once);
    }

    private static void clear() {
        db.clearReadModels();
        db.jdbc.update("DELETE FROM reference_value");
        db.jdbc.update("DELETE FROM reference_view");
    }

    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        for (String table : List.of("reference_view", "reference_value", "crm_object")) {
            tables.put(table, db.jdbc.queryForList("SELECT * FROM " + table).stream()
                    .map(row -> new java.util.TreeMap<>(row).toString()).sorted().toList());
        }
        return tables;
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();

        List<ReferenceView> stages = queries.all(ReferenceKind.STAGE);
        assertThat(stages).extracting(ReferenceView::title).containsExactly("Signed", "Offer");
        assertThat(stages.get(0).flag("default")).isTrue();
        assertThat(stages.get(1).flag("default")).isFalse();
        assertThat(stages.get(1).version()).isEqualTo(4);
        assertThat(stages.get(0).value("department")).isNull();
        ReferenceView eur = queries.find(ReferenceKind.CURRENCY, 9).orElseThrow();
        assertThat(eur.value("rateToMarketing")).isEqualTo("1.10");
        assertThat(eur.version()).isEqualTo(2);
        assertThat(queries.findBy(ReferenceKind.CURRENCY, "code", "EUR")).map(ReferenceView::id).contains(9L);
        assertThat(queries.find(ReferenceKind.STAGE, 9)).isEmpty();
        assertThat(objects.find(8).orElseThrow().title()).isEqualTo("Signed");
        assertThat(objects.find(8).orElseThrow().kind()).isEqualTo("stage");
        assertThat(queries.everHad(ReferenceKind.CURRENCY)).isTrue();
        assertThat(queries.everHad(ReferenceKind.LEAD_SOURCE)).isFalse();
    }

    private static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
