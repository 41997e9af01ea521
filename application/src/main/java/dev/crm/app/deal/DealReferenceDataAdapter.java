package dev.crm.app.deal;

import dev.crm.command.deal.DealReferenceData;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the deal aggregate from the stages' and closing reasons' read models. */
@Component
class DealReferenceDataAdapter implements DealReferenceData {

    private final ReferenceQueries reference;

    DealReferenceDataAdapter(ReferenceQueries reference) {
        this.reference = reference;
    }

    @Override
    public Optional<Long> defaultStage(Long department) {
        return marked(Fields.DEFAULT.name(), department);
    }

    @Override
    public Optional<Long> successStage(Long department) {
        return marked(Fields.SUCCESS.name(), department);
    }

    @Override
    public boolean stageOf(long stage, Long department) {
        return reference.find(ReferenceKind.STAGE, stage).filter(s -> !s.deleted())
                .map(s -> s.value(Fields.DEPARTMENT.name()) == null
                        || Objects.equals(s.value(Fields.DEPARTMENT.name()), String.valueOf(department)))
                .orElse(false);
    }

    @Override
    public Optional<Boolean> closingSuccess(long reason) {
        return reference.find(ReferenceKind.CLOSING_REASON, reason).filter(r -> !r.deleted())
                .map(r -> r.flag(Fields.SUCCESS.name()));
    }

    /** The department's live stage with this mark, or else every department's. */
    private Optional<Long> marked(String mark, Long department) {
        Optional<ReferenceView> own = department == null ? Optional.empty()
                : reference.all(ReferenceKind.STAGE).stream().filter(s -> !s.deleted() && s.flag(mark)
                && String.valueOf(department).equals(s.value(Fields.DEPARTMENT.name()))).findFirst();
        return own.or(() -> reference.all(ReferenceKind.STAGE).stream().filter(s -> !s.deleted() && s.flag(mark)
                && s.value(Fields.DEPARTMENT.name()) == null).findFirst()).map(ReferenceView::id);
    }
}
