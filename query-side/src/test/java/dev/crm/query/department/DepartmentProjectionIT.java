package dev.crm.query.department;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.department.DepartmentCreated;
import dev.crm.shared.department.DepartmentHeadChanged;
import dev.crm.shared.department.DepartmentRenamed;
import dev.crm.shared.department.DepartmentTimeZoneChanged;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DepartmentProjection} through its handlers and again, and {@link DepartmentQueries} on its rows. */
class DepartmentProjectionIT extends ProjectionContract {

    DepartmentProjection departments;
    ObjectIndex objects;
    DepartmentQueries queries;

    @BeforeEach
    void empty() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        departments = new DepartmentProjection(db.writes, objects);
        queries = new DepartmentQueries(db.jdbc);
    }

    /**
     * Sales (7) gets a head, is renamed Marketing, and its head changes and goes; a new Sales (8) takes the
     * freed name; Accounting (9) keeps its name and gets a head.
     */
    @Override
    protected void events() {
        deliver(() -> departments.on(new DepartmentCreated(7, "Sales"), at(0)));
        deliver(() -> departments.on(new DepartmentHeadChanged(7, null, "alice"), 1, at(1)));
        deliver(() -> departments.on(new DepartmentRenamed(7, "Sales", "Marketing"), 2, at(2)));
        deliver(() -> departments.on(new DepartmentCreated(8, "Sales"), at(3)));
        deliver(() -> departments.on(new DepartmentCreated(9, "accounting"), at(4)));
        deliver(() -> departments.on(new DepartmentHeadChanged(7, "alice", "bob"), 3, at(5)));
        deliver(() -> departments.on(new DepartmentHeadChanged(9, null, "carol"), 1, at(6)));
        deliver(() -> departments.on(new DepartmentHeadChanged(7, "bob", null), 4, at(7)));
        deliver(() -> departments.on(new DepartmentTimeZoneChanged(9, null, "America/New_York"), 2, at(8)));
        deliver(() -> departments.on(new DepartmentTimeZoneChanged(8, null, "Asia/Tokyo"), 1, at(9)));
        deliver(() -> departments.on(new DepartmentTimeZoneChanged(8, "Asia/Tokyo", null), 2, at(10)));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("department_view")).hasSize(3);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();

        assertThat(queries.all()).extracting(DepartmentView::name).containsExactly("accounting", "Marketing", "Sales");
        assertThat(queries.find(7).orElseThrow()).isEqualTo(new DepartmentView(7, "Marketing", 5,
                at(0).truncatedTo(ChronoUnit.MILLIS), at(7).truncatedTo(ChronoUnit.MILLIS), null));
        assertThat(queries.find(70)).isEmpty();
        assertThat(queries.head(9)).contains("carol");
        assertThat(queries.head(7)).isEmpty();
        assertThat(queries.head(70)).isEmpty();
        assertThat(queries.findByName("  SALES ")).contains(8L);
        assertThat(queries.findByName("marketing")).contains(7L);
        assertThat(queries.findByName("Support")).isEmpty();
        assertThat(queries.names(List.of(8L, 9L, 70L))).containsExactly(Map.entry(9L, "accounting"),
                Map.entry(8L, "Sales"));
        assertThat(queries.names(List.of())).isEmpty();

        assertThat(objects.find(7).orElseThrow().kind()).isEqualTo(DepartmentProjection.KIND);
        assertThat(objects.find(7).orElseThrow().title()).isEqualTo("Marketing");
        assertThat(objects.find(7).orElseThrow().version()).isEqualTo(5);
        assertThat(objects.find(7).orElseThrow().owner()).isNull();

        // issue 16: the zone a department's reports cut days in; none: the server's default
        assertThat(queries.find(9).orElseThrow().timeZone()).isEqualTo("America/New_York");
        DepartmentZones zones = new DepartmentZones(db.jdbc, "Europe/Berlin");
        assertThat(zones.zoneOf(9L)).isEqualTo(java.time.ZoneId.of("America/New_York"));
        assertThat(zones.zoneOf(8L)).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(zones.zoneOf(7L)).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(zones.zoneOf(70L)).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(zones.zoneOf(null)).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    }
}
