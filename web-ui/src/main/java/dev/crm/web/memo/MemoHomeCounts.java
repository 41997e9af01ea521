package dev.crm.web.memo;

import dev.crm.query.memo.MemoQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.memo.MemoKind;
import dev.crm.web.page.HomeCounts;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The home page's memo count: the memos sent to the user and not reviewed yet, linking to that list; one query. */
@Component
class MemoHomeCounts implements HomeCounts {

    private final MemoQueries memos;

    MemoHomeCounts(MemoQueries memos) {
        this.memos = memos;
    }

    @Override
    public Optional<Block> countsFor(Actor actor) {
        String path = MemoKind.KIND.path();
        return Optional.of(new Block("home-memos-review", path, "home.memos.review", List.of(
                new Count("home-memos-awaiting-review", "home.memos.awaiting-review", memos.awaitingReview(actor),
                        "/" + path + "?review=true", false))));
    }
}
