package dev.crm.query.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.testsupport.TestPostgres;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration that brings {@code task_person} (V13) fills it from the tasks already in {@code task_view}, with
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
            flyway(db, schema, "12").migrate();
            String insert = """
                    INSERT INTO task_view (id, kind, version, title, priority, responsible, co_owner, subscribers, tags,
                                           stage, owner, deleted, parent, project, created_at, updated_at)
                    VALUES (?, ?, 1, 'T', 'MIDDLE', ?, ?, ?, '', 'PENDING', ?, ?, ?, ?, now(), now())""";
            jdbc.update(insert, 1, "task", ",bob,", null, "", "alice", false, null, null);
            jdbc.update(insert, 2, "task", ",bob,carol,r_x,", "erin", ",dave,bob,", "alice", false, null, null);
            jdbc.update(insert, 3, "task", "", "", ",x,", "zed", true, null, null);
            jdbc.update(insert, 4, "project", ",alice,", "alice", "", "alice", false, null, null);
            jdbc.update(insert, 5, "task", ",a.b-c,", null, ",a.b-c,", "o", false, null, null);
            // parts: of a live task, of a deleted one, of a project; a deleted part
            jdbc.update(insert, 6, "task", ",q6,", null, "", "p6", false, 2, null);
            jdbc.update(insert, 7, "task", ",q7,", null, "", "p7", false, 3, 4);
            jdbc.update(insert, 8, "task", ",q8,", null, "", "p8", true, null, 4);

            flyway(db, schema, "latest").migrate();

            List<String> expected = TaskPersonRows.expected(jdbc);
            // own: 17 of 1-5, 2 each of 6-8; containers: 6 sees 2's six people, 7 and 8 the project's alice (not the
            // deleted 3's zed); parts: 2 sees 6's two, 3 and 4 see 7's two (not the deleted 8's)
            assertThat(expected).hasSize(17 + 3 * 2 + 6 + 1 + 1 + 2 + 2 + 2);
            assertThat(expected).contains("6 erin container", "2 q6 part", "7 alice container", "4 p7 part", "3 p7 part")
                    .doesNotContain("7 zed container", "4 p8 part");
            assertThat(TaskPersonRows.actual(jdbc)).isEqualTo(expected);
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
