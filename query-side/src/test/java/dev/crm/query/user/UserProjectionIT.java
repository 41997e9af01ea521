package dev.crm.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
import dev.crm.shared.user.UserDepartmentsChanged;
import dev.crm.shared.user.UserReactivated;
import dev.crm.shared.user.UserRolesChanged;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link UserProjection} (users and their departments) through its handlers and again, and {@link UserQueries}. */
class UserProjectionIT extends ProjectionContract {

    UserProjection users;
    UserQueries queries;

    @BeforeEach
    void empty() {
        users = new UserProjection(db.writes);
        queries = new UserQueries(db.jdbc);
    }

    /**
     * admin; alice (manager, then chief and manager) in Sales and Support, then only Support; bob
     * (operator) in Sales, deactivated; carol (accountant) deactivated and reactivated, without departments.
     */
    @Override
    protected void events() {
        deliver(() -> users.on(new UserCreated("admin", "The Administrator", List.of(Role.ADMIN)), at(0)));
        deliver(() -> users.on(new UserCreated("alice", "Alice Archer", List.of(Role.MANAGER)), at(1)));
        deliver(() -> users.on(new UserDepartmentsChanged("alice", List.of(), List.of(7L, 8L)), 1));
        deliver(() -> users.on(new UserRolesChanged("alice", List.of(Role.MANAGER), List.of(Role.CHIEF, Role.MANAGER)), 2));
        deliver(() -> users.on(new UserDepartmentsChanged("alice", List.of(7L, 8L), List.of(8L)), 3));
        deliver(() -> users.on(new UserCreated("bob", "Bob Baker", List.of(Role.OPERATOR)), at(2)));
        deliver(() -> users.on(new UserDepartmentsChanged("bob", List.of(), List.of(7L)), 1));
        deliver(() -> users.on(new UserDeactivated("bob"), 2));
        deliver(() -> users.on(new UserCreated("carol", "Carol Clark", List.of(Role.ACCOUNTANT)), at(3)));
        deliver(() -> users.on(new UserDeactivated("carol"), 1));
        deliver(() -> users.on(new UserReactivated("carol"), 2));
        deliver(() -> users.on(new dev.crm.shared.user.UserLanguageChanged("admin", null, "de"), 1));
        deliver(() -> users.on(new dev.crm.shared.user.UserTimeZoneChanged("admin", null, "Europe/Berlin"), 2));
        deliver(() -> users.on(new dev.crm.shared.user.UserTimeZoneChanged("admin", "Europe/Berlin", "Asia/Tokyo"), 3));
        deliver(() -> users.on(new dev.crm.shared.user.UserLanguageChanged("admin", "de", null), 4));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("crm_user")).hasSize(4);
        assertThat(once.get("user_department")).hasSize(2);
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();

        assertThat(queries.find("alice").orElseThrow()).isEqualTo(new UserView("alice", "Alice Archer",
                Set.of(Role.CHIEF, Role.MANAGER), true, 4, at(1).truncatedTo(ChronoUnit.MILLIS)));
        assertThat(queries.find("alice").orElseThrow().actor()).isEqualTo(Actor.of("alice", Role.CHIEF, Role.MANAGER));
        assertThat(queries.find("nobody")).isEmpty();
        assertThat(queries.isActive("bob")).isFalse();
        assertThat(queries.isActive("carol")).isTrue();
        assertThat(queries.isActive("nobody")).isFalse();
        assertThat(queries.find("carol").orElseThrow().version()).isEqualTo(3);
        assertThat(queries.active()).extracting(UserView::username).containsExactly("admin", "alice", "carol");
        assertThat(queries.count()).isEqualTo(4);
        assertThat(queries.departments("alice")).containsExactly(8L);
        assertThat(queries.departments("carol")).isEmpty();
        assertThat(queries.departmentsOfAll()).isEqualTo(Map.of("alice", List.of(8L), "bob", List.of(7L)));
        // issue 16: language and zone (null: none chosen)
        assertThat(queries.find("admin").orElseThrow()).extracting(UserView::language, UserView::timeZone,
                UserView::version).containsExactly(null, "Asia/Tokyo", 5L);
    }

    @Test
    void theAdministratorsListFiltersByTextDepartmentAndState() {
        events();
        users.on(new UserDepartmentsChanged("carol", List.of(), List.of(8L, 9L)), 3);

        assertThat(names(queries.list(null, null, null))).containsExactly("admin", "alice", "bob", "carol");
        assertThat(names(queries.list("  ARCH ", null, null))).containsExactly("alice");
        assertThat(names(queries.list("b", null, null))).containsExactly("bob");
        assertThat(names(queries.list("a", 8L, null))).containsExactly("alice", "carol");
        assertThat(names(queries.list(null, 7L, null))).containsExactly("bob");
        assertThat(names(queries.list(null, 7L, true))).isEmpty();
        assertThat(names(queries.list(null, null, false))).containsExactly("bob");
        assertThat(names(queries.list(null, null, true))).containsExactly("admin", "alice", "carol");
        // the user's wildcards are text, not patterns
        assertThat(names(queries.list("%", null, null))).isEmpty();
        assertThat(names(queries.list("_", null, null))).isEmpty();
    }

    static List<String> names(List<UserView> users) {
        return users.stream().map(UserView::username).toList();
    }
}
