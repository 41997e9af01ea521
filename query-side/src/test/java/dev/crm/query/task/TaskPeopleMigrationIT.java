package dev.crm.query.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration that brings {@code task_person} (V11) fills it from the tasks already in {@code task_view}, with
 * the rows {@link TaskProjection} would have written: a database upgraded with tasks in it lists them to their
 * people at once, without a rebuild.
 */
class TaskPeopleMigrationIT {

    @Test
    void theMigrationFillsTaskPersonFromTheTasksThere() {
        TestPostgres.Endpoint db = TestPostgres.get();
        String schema = "qs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, db.username(), db.password(), true);
        JdbcTemplate jdbc = new JdbcTemplate(data);
        try {
            flyway(db, schema, "10").migrate();
            String insert = """
                    INSERT INTO task_view (id, kind, version, title, priority, responsible, co_owner, subscribers, tags,
                                           stage, owner, deleted, created_at, updated_at)
                    VALUES (?, 'task', 1, 'T', 'MIDDLE', ?, ?, ?, '', 'PENDING', ?, ?, now(), now())""";
            jdbc.update(insert, 1, ",bob,", null, "", "alice", false);
            jdbc.update(insert, 2, ",bob,carol,r_x,", "erin", ",dave,bob,", "alice", false);
            jdbc.update(insert, 3, "", "", ",x,", "zed", true);
            jdbc.update(insert, 4, ",alice,", "alice", "", "alice", false);
            jdbc.update(insert, 5, ",a.b-c,", null, ",a.b-c,", "o", false);

            flyway(db, schema, "latest").migrate();

            List<String> expected = new ArrayList<>();
            for (TaskView t : jdbc.query("SELECT * FROM task_view", TaskQueries.ROW)) {
                expected.add(t.id() + " " + t.owner() + " owner");
                if (t.coOwner() != null && !t.coOwner().isBlank()) {
                    expected.add(t.id() + " " + t.coOwner() + " coOwner");
                }
                t.responsible().forEach(r -> expected.add(t.id() + " " + r + " responsible"));
                t.subscribers().forEach(r -> expected.add(t.id() + " " + r + " subscribers"));
            }
            assertThat(expected).hasSize(17);
            assertThat(jdbc.queryForList("SELECT task_id || ' ' || username || ' ' || role FROM task_person", String.class))
                    .containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            data.destroy();
        }
    }

    private static Flyway flyway(TestPostgres.Endpoint db, String schema, String target) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).schemas(schema)
                .defaultSchema(schema).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .target(target).load();
    }
}
