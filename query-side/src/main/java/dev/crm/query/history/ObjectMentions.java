package dev.crm.query.history;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.fields.FieldsProjection;
import dev.crm.shared.ObjectEvent;
import dev.crm.shared.kind.Mentions;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which objects' streams hold events that name another object ({@link Mentions}): table {@value #TABLE}, one row per
 * named object and naming object, written once (a replay changes nothing). {@link HistoryReader} reads those streams
 * for the named object's history.
 */
@Component
@ProcessingGroup(FieldsProjection.GROUP)
public class ObjectMentions implements ReadModel {

    static final String TABLE = "object_mention";

    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "object_id, source_id",
            "object_id, source_id");

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    /** Writing through its own {@link ProjectionWrites}: for reading, and tests that do not replay. */
    public ObjectMentions(JdbcTemplate jdbc) {
        this(jdbc, new ProjectionWrites(jdbc));
    }

    /**
     * Writes go through the projections' {@code writes}, so that a rebuild sends them on its own connection, into
     * the tables it rebuilds (a live rebuild's shadow copies), like every other projection's.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public ObjectMentions(JdbcTemplate jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @EventHandler
    void on(Mentions e) {
        if (!(e instanceof ObjectEvent source)) {
            return;
        }
        for (long object : e.mentioned()) {
            writes.insertIfAbsent(INSERT, object, source.objectId());
        }
    }

    /** The objects whose streams name this one. */
    public List<Long> sourcesOf(long object) {
        return jdbc.queryForList("SELECT source_id FROM " + TABLE + " WHERE object_id = ? ORDER BY source_id",
                Long.class, object);
    }
}
