package dev.crm.query.replay;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection a rebuild writes on: opened for the rebuild, closed after it. On PostgreSQL the application
 * gives one of its own with {@code reWriteBatchedInserts=true}, so the projections' batched inserts go out as
 * multi-row inserts; the rebuilder commits on it every batch and leaves it as it found it (auto-commit).
 */
@FunctionalInterface
public interface RebuildConnection {

    Connection open() throws SQLException;
}
