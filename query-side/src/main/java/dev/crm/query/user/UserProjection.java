package dev.crm.query.user;

import dev.crm.query.ReadModel;
import java.util.List;

import dev.crm.query.Sql;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
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
        return List.of("crm_user", "user_department");
    }


    public static final String GROUP = "users";

    private static final String INSERT = """
            INSERT INTO crm_user (username, display_name, roles, active, version, created_at)
            SELECT ?, ?, ?, TRUE, 1, ? WHERE NOT EXISTS (SELECT 1 FROM crm_user WHERE username = ?)""";
    private static final String ROLES = "UPDATE crm_user SET roles = ?, version = ? WHERE username = ? AND version < ?";
    private static final String ACTIVE = "UPDATE crm_user SET active = ?, version = ? WHERE username = ? AND version < ?";
    private static final String VERSION = "UPDATE crm_user SET version = ? WHERE username = ? AND version < ?";

    private final ProjectionWrites writes;

    public UserProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(UserCreated e, @Timestamp Instant at) {
        writes.update(INSERT, e.username(), e.displayName(), names(e.roles()), Sql.ts(at), e.username());
    }

    @EventHandler
    void on(UserRolesChanged e, @SequenceNumber long sequence) {
        writes.update(ROLES, names(e.to()), sequence + 1, e.username(), sequence + 1);
    }

    @EventHandler
    void on(UserDepartmentsChanged e, @SequenceNumber long sequence) {
        // the version guard decides whether this event is new; only then are the rows replaced
        if (writes.updateCounted(VERSION, sequence + 1, e.username(), sequence + 1) == 1) {
            writes.update("DELETE FROM user_department WHERE username = ?", e.username());
            for (long department : e.to()) {
                writes.update("INSERT INTO user_department (username, department_id) VALUES (?, ?)", e.username(),
                        department);
            }
        }
    }

    @EventHandler
    void on(UserDeactivated e, @SequenceNumber long sequence) {
        writes.update(ACTIVE, false, sequence + 1, e.username(), sequence + 1);
    }

    @EventHandler
    void on(UserReactivated e, @SequenceNumber long sequence) {
        writes.update(ACTIVE, true, sequence + 1, e.username(), sequence + 1);
    }

    static String names(Collection<Role> roles) {
        return roles.stream().map(Role::apiName).collect(Collectors.joining(","));
    }
}
