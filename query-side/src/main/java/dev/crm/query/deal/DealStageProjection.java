package dev.crm.query.deal;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.Sql;
import dev.crm.shared.Actor;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.deal.DealStageChanged;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * A deal's stage timeline ({@code deal_stage}): the stage it was made in and each stage it moved to, with when and
 * by whom; keyed by the event's version, so a replay leaves the same rows.
 */
@Component
@ProcessingGroup(DealStageProjection.GROUP)
public class DealStageProjection implements ReadModel {

    public static final String GROUP = "deal-stages";

    static final String TABLE = "deal_stage";

    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "deal, version",
            "deal, version, stage, at, by_user");

    private final ProjectionWrites writes;

    public DealStageProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @EventHandler
    void on(DealCreated e, @Timestamp Instant at, @MetaDataValue(Actor.USERNAME) String by) {
        String stage = e.fields().get(DealKind.STAGE.name());
        if (stage != null) {
            writes.insertIfAbsent(INSERT, e.dealId(), 1L, Long.valueOf(stage), Sql.ts(at), by);
        }
    }

    @EventHandler
    void on(DealStageChanged e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by) {
        writes.insertIfAbsent(INSERT, e.dealId(), sequence + 1, e.to(), Sql.ts(at), by);
    }
}
