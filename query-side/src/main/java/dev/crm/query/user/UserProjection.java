package dev.crm.query.user;

import dev.crm.query.ReadModel;
import java.util.List;

import dev.crm.query.Sql;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
import dev.crm.shared.user.UserLanguageChanged;
import dev.crm.shared.user.UserTimeZoneChanged;
import dev.crm.shared.user.UserDepartmentsChanged;
import dev.crm.shared.user.UserReactivated;
import dev.crm.shared.user.UserRolesChanged;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import dev.crm.query.ProjectionWrites;
import org.springframework.stereotype.Component;

/** Builds {@code crm_user}; idempotent by version like every projection. */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class UserProjection implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of(TABLE, DEPARTMENTS);
    }


    public static final String GROUP = "users";

    private static final String TABLE = "crm_user";
    private static final String DEPARTMENTS = "user_department";
    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "username",
            "username, display_name, roles, active, version, created_at");
    private static final String ROLES = "UPDATE crm_user SET roles = ?, version = ? WHERE username = ? AND version < ?";
    private static final String ACTIVE = "UPDATE crm_user SET active = ?, version = ? WHERE username = ? AND version < ?";
    private static final String LANGUAGE =
            "UPDATE crm_user SET language = ?, version = ? WHERE username = ? AND version < ?";
    private static final String TIME_ZONE =
            "UPDATE crm_user SET time_zone = ?, version = ? WHERE username = ? AND version < ?";
    private static final String VERSION = "UPDATE crm_user SET version = ? WHERE username = ? AND version < ?";
    /** The user's departments are replaced only when the event is new to the user's row (its version guard). */
    private static final String CLEAR_DEPARTMENTS = """
            DELETE FROM user_department WHERE username = ?
               AND EXISTS (SELECT 1 FROM crm_user WHERE username = ? AND version < ?)""";
    private static final String ADD_DEPARTMENT = """
            INSERT INTO user_department (username, department_id) SELECT ?, ?
            WHERE EXISTS (SELECT 1 FROM crm_user WHERE username = ? AND version < ?)""";

    private final ProjectionWrites writes;

    public UserProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    private static ProjectionWrites.Row row(String username) {
        return ProjectionWrites.row(TABLE, username);
    }

    @EventHandler
    void on(UserCreated e, @Timestamp Instant at) {
        writes.insertIfAbsent(INSERT, e.username(), e.displayName(), names(e.roles()), true, 1L, Sql.ts(at));
    }

    @EventHandler
    void on(UserRolesChanged e, @SequenceNumber long sequence) {
        writes.update(row(e.username()), ROLES, names(e.to()), sequence + 1, e.username(), sequence + 1);
    }

    @EventHandler
    void on(UserDepartmentsChanged e, @SequenceNumber long sequence) {
        // the version guard decides whether this event is new; only then are the rows replaced. The guard is in
        // each statement (no count to wait for), and the version moves last.
        long version = sequence + 1;
        List<ProjectionWrites.Row> rows = List.of(row(e.username()), ProjectionWrites.row(DEPARTMENTS, e.username()));
        writes.update(rows, CLEAR_DEPARTMENTS, e.username(), e.username(), version);
        for (long department : e.to()) {
            writes.update(rows, ADD_DEPARTMENT, e.username(), department, e.username(), version);
        }
        writes.update(row(e.username()), VERSION, version, e.username(), version);
    }

    @EventHandler
    void on(UserDeactivated e, @SequenceNumber long sequence) {
        writes.update(row(e.username()), ACTIVE, false, sequence + 1, e.username(), sequence + 1);
    }

    @EventHandler
    void on(UserReactivated e, @SequenceNumber long sequence) {
        writes.update(row(e.username()), ACTIVE, true, sequence + 1, e.username(), sequence + 1);
    }

    @EventHandler
    void on(UserLanguageChanged e, @SequenceNumber long sequence) {
        writes.update(row(e.username()), LANGUAGE, e.to(), sequence + 1, e.username(), sequence + 1);
    }

    @EventHandler
    void on(UserTimeZoneChanged e, @SequenceNumber long sequence) {
        writes.update(row(e.username()), TIME_ZONE, e.to(), sequence + 1, e.username(), sequence + 1);
    }

    static String names(Collection<Role> roles) {
        return roles.stream().map(Role::apiName).collect(Collectors.joining(","));
    }
}
