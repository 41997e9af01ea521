package dev.crm.query.deal;

import dev.crm.query.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A deal's stage timeline, oldest first; the caller has checked that the actor may see the deal. */
@Component
public class DealStageQueries {

    /** One step: the stage (its ID and name: null when it no longer exists), when, by whom. */
    public record Step(long stage, String name, Instant at, String by) {
    }

    private final JdbcTemplate jdbc;

    public DealStageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Step> timeline(long deal) {
        return jdbc.query("SELECT s.stage, r.title, s.at, s.by_user FROM " + DealStageProjection.TABLE
                        + " s LEFT JOIN reference_view r ON r.id = s.stage WHERE s.deal = ? ORDER BY s.version",
                (rs, n) -> new Step(rs.getLong(1), rs.getString(2), Sql.instant(rs, "at"), rs.getString(4)), deal);
    }
}
