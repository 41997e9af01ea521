package dev.crm.query.user;

import dev.crm.query.Sql;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserRolesChanged;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code crm_user}; idempotent by version like every projection. */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class UserProjection {

    public static final String GROUP = "users";

    private static final String INSERT = """
            INSERT INTO crm_user (username, display_name, roles, active, version, created_at)
            SELECT ?, ?, ?, TRUE, 1, ? WHERE NOT EXISTS (SELECT 1 FROM crm_user WHERE username = ?)""";
    private static final String ROLES = "UPDATE crm_user SET roles = ?, version = ? WHERE username = ? AND version < ?";

    private final JdbcTemplate jdbc;

    public UserProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserCreated e, @Timestamp Instant at) {
        jdbc.update(INSERT, e.username(), e.displayName(), names(e.roles()), Sql.ts(at), e.username());
    }

    @EventHandler
    void on(UserRolesChanged e, @SequenceNumber long sequence) {
        jdbc.update(ROLES, names(e.to()), sequence + 1, e.username(), sequence + 1);
    }

    static String names(Collection<Role> roles) {
        return roles.stream().map(Role::apiName).collect(Collectors.joining(","));
    }
}
