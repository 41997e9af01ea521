package dev.crm.web.memo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.memo.MemoStage;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lists filter memos in SQL; MemoAccess decides for single memos. This holds the two to the same
 * answer for every combination of author, recipient, draft, stage and role.
 */
@CrmIntegrationTest
class MemoVisibilityIT {

    static final AtomicLong IDS = new AtomicLong(900_000_000L);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MemoQueries memos;

    @Test
    void listFilterAgreesWithTheMemoRuleForEveryCombination() {
        String ns = "v" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String a = ns + "a";
        String b = ns + "b";
        String c = ns + "c";
        List<Long> ids = new ArrayList<>();
        for (String author : List.of(a, b)) {
            for (String recipient : new String[] {a, b, c, null}) {
                for (boolean draft : new boolean[] {true, false}) {
                    for (MemoStage stage : MemoStage.values()) {
                        long id = IDS.incrementAndGet();
                        ids.add(id);
                        jdbc.update("INSERT INTO memo_view (id, version, title, recipient, draft, stage, owner, deleted, "
                                + "created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, FALSE, ?, ?)", id, ns,
                                recipient, draft, stage.name(), author, OffsetDateTime.now(), OffsetDateTime.now());
                    }
                }
            }
        }
        for (String user : List.of(a, b, c)) {
            for (Set<Role> roles : List.of(Set.<Role>of(), Set.of(Role.CHIEF), Set.of(Role.TASK_OPERATOR),
                    Set.of(Role.ADMIN), Set.of(Role.MANAGER, Role.OPERATOR, Role.ACCOUNTANT))) {
                Actor actor = new Actor(user, roles);
                List<Long> listed = memos.list(actor, ns, null, 0, 200).items().stream().map(MemoView::id).toList();
                List<Long> allowed = ids.stream()
                        .filter(id -> memos.find(id).orElseThrow().access().canView(actor)).toList();
                assertThat(listed).as(actor.toString()).containsExactlyInAnyOrderElementsOf(allowed);
            }
        }
        jdbc.update("DELETE FROM memo_view WHERE title = ?", ns);
    }
}
