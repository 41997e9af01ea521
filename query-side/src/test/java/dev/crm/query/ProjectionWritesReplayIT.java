package dev.crm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectionWrites#replaying} sends a batch's statements grouped by SQL text, as JDBC batches on a
 * connection that rewrites batched inserts; it must leave the tables exactly as running the same statements one
 * by one in order leaves them. Each statement here appends a letter to its row's log, so any reordering of two
 * statements on one row shows; random sequences mix updates of different SQL texts, inserts that are skipped
 * when the row exists, deletes, statements that read another row, statements without rows (barriers), and
 * handlers that read or count in the middle of the batch.
 */
class ProjectionWritesReplayIT {

    static PostgresSchema db;
    static final int ROWS = 6;

    @BeforeAll
    static void schema() {
        db = PostgresSchema.fresh();
        db.jdbc.execute("CREATE TABLE probe (id BIGINT PRIMARY KEY, log VARCHAR(10000) NOT NULL)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.jdbc.update("DELETE FROM probe");
    }

    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert("probe", "id", "id, log");

    private static ProjectionWrites.Row row(long id) {
        return ProjectionWrites.row("probe", id);
    }

    /** One statement of a random sequence, issued through {@code writes}. */
    private static Consumer<ProjectionWrites> statement(Random random, int n) {
        long id = random.nextInt(ROWS);
        long other = random.nextInt(ROWS);
        String mark = Integer.toString(n, 36) + ".";
        return switch (random.nextInt(11)) {
            case 0, 1 -> w -> w.update(row(id), "UPDATE probe SET log = log || ? WHERE id = ?", "a" + mark, id);
            case 2, 3 -> w -> w.update(row(id), "UPDATE probe SET log = CONCAT(log, ?) WHERE id = ?", "b" + mark, id);
            case 4, 5 -> w -> w.insertIfAbsent(INSERT, id, "i" + mark);
            case 6 -> w -> w.update(row(id), "DELETE FROM probe WHERE id = ?", id);
            // reads another row: its log's length goes into this row's log
            case 7 -> w -> w.update(List.of(row(id), row(other)),
                    "UPDATE probe SET log = log || ? || (SELECT COALESCE(MAX(LENGTH(log)), -1) FROM probe WHERE id = ?) "
                            + "WHERE id = ?", "r" + mark, other, id);
            // no rows declared: touches every row
            case 8 -> w -> w.update("UPDATE probe SET log = log || ?", "z" + mark);
            // reads what was queued before it (in a replay, that sends the batch so far first)
            case 9 -> w -> {
                Integer length = w.jdbc().queryForObject(
                        "SELECT COALESCE(MAX(LENGTH(log)), -1) FROM probe WHERE id = ?", Integer.class, other);
                w.update(row(id), "UPDATE probe SET log = log || ? WHERE id = ?", "q" + length + mark, id);
            };
            // needs a count
            default -> w -> {
                int count = w.updateCounted("UPDATE probe SET log = log || ? WHERE id = ?", "c" + mark, id);
                w.update(row(other), "UPDATE probe SET log = log || ? WHERE id = ?", "n" + count + mark, other);
            };
        };
    }

    private static List<String> rows() {
        return db.jdbc.queryForList("SELECT id || ':' || log FROM probe ORDER BY id", String.class);
    }

    @Test
    void aReplayedBatchWritesWhatTheStatementsWriteInOrder() throws Exception {
        long statements = 0;
        long executions = 0;
        for (int seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            List<Consumer<ProjectionWrites>> sequence = new ArrayList<>();
            int length = 1 + random.nextInt(seed < 20 ? 10 : 300);
            for (int n = 0; n < length; n++) {
                sequence.add(statement(random, n));
            }

            empty();
            // outside a handling, each statement runs at once, in order
            sequence.forEach(s -> s.accept(db.writes));
            List<String> inOrder = rows();

            empty();
            ProjectionWrites.ReplayCounts counts = new ProjectionWrites.ReplayCounts();
            try (Connection connection = db.connect("reWriteBatchedInserts=true")) {
                connection.setAutoCommit(false);
                db.writes.replaying(connection, counts, () -> {
                    sequence.forEach(s -> s.accept(db.writes));
                    return null;
                });
                connection.commit();
            }

            assertThat(rows()).as("seed %d", seed).isEqualTo(inOrder);
            assertThat(counts.statements).isEqualTo(length);
            statements += counts.statements;
            executions += counts.executions;
        }
        // statements were grouped (few, on six rows densely mixed with barriers; see the next test)
        assertThat(executions).isLessThan(statements);
    }

    @Test
    void aThousandChangesOfOneRowAreOneGroup() throws Exception {
        ProjectionWrites.ReplayCounts counts = new ProjectionWrites.ReplayCounts();
        try (Connection connection = db.connect("reWriteBatchedInserts=true")) {
            connection.setAutoCommit(false);
            db.writes.replaying(connection, counts, () -> {
                db.writes.insertIfAbsent(INSERT, 1L, "");
                for (int i = 0; i < 1000; i++) {
                    db.writes.update(row(1), "UPDATE probe SET log = log || ? WHERE id = ?", i % 10, 1L);
                }
                return null;
            });
            connection.commit();
        }

        assertThat(counts.executions).isEqualTo(2);
        assertThat(rows()).containsExactly("1:" + "0123456789".repeat(100));
    }
}
