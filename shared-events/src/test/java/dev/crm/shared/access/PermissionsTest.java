package dev.crm.shared.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.access.Permissions.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matrix holds domain.md's default rows for the kinds that exist. */
class PermissionsTest {

    /** domain.md, written as "letters:scope" per role (co_worker, manager, operator, chief, task_operator, accountant). */
    static final Map<String, String[]> DOMAIN = new LinkedHashMap<>();

    static {
        DOMAIN.put("task", new String[] {"acdv:rules", "acdv:rules", "acdv:rules", "acdv:all", "acdv:all", "acdv:rules"});
        DOMAIN.put("project", DOMAIN.get("task"));
        DOMAIN.put("memo", new String[] {"acdv:rules", "acdv:rules", "acdv:rules", "cdv:all", "cdv:all", "acdv:rules"});
        // "acdv; cd own" / "acdv; cd dept": add and view every one, change and delete the own / the departments'
        DOMAIN.put("company", new String[] {"", "av:all,cd:own", "av:all,cd:dept", "v:all", "", ""});
        DOMAIN.put("contact", DOMAIN.get("company"));
        DOMAIN.put("user", new String[] {"", "", "", "", "", ""});
    }

    static final Role[] COLUMNS = {Role.CO_WORKER, Role.MANAGER, Role.OPERATOR, Role.CHIEF, Role.TASK_OPERATOR,
        Role.ACCOUNTANT};

    @Test
    void everyRoleOfEveryKindIsAsTheDomainSays() {
        DOMAIN.forEach((kind, row) -> {
            for (int i = 0; i < COLUMNS.length; i++) {
                for (Action action : Action.values()) {
                    Scope expected = Scope.NONE;
                    for (String part : row[i].isEmpty() ? new String[0] : row[i].split(",")) {
                        String[] cell = part.split(":");
                        if (cell[0].indexOf(action.letter()) >= 0) {
                            expected = Scope.valueOf(cell[1].toUpperCase());
                        }
                    }
                    assertThat(Permissions.scope(COLUMNS[i], kind, action)).as("%s %s %s", kind, COLUMNS[i], action)
                            .isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void adminsReachEverythingAndEveryoneIsACoWorker() {
        for (String kind : Permissions.kinds()) {
            for (Action action : Action.values()) {
                assertThat(Permissions.scope(Actor.of("ada", Role.ADMIN), kind, action)).isEqualTo(Scope.ALL);
            }
        }
        // a chief adds memos as the co-worker every user is, and reaches all sent memos as a chief
        Actor chief = Actor.of("cora", Role.CHIEF);
        assertThat(Permissions.scope(chief, "memo", Action.ADD)).isEqualTo(Scope.RULES);
        assertThat(Permissions.scope(chief, "memo", Action.VIEW)).isEqualTo(Scope.ALL);
        assertThat(Permissions.allows(Actor.of("mo", Role.MANAGER), "user", Action.ADD)).isFalse();
        assertThat(Permissions.scope(Role.MANAGER, "no-such-kind", Action.VIEW)).isEqualTo(Scope.NONE);
    }
}
