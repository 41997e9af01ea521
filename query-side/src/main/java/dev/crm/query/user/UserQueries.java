package dev.crm.query.user;

import dev.crm.query.Sql;
import dev.crm.shared.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

@Component
public class UserQueries {

    static final RowMapper<UserView> ROW = (rs, n) -> new UserView(rs.getString("username"),
            rs.getString("display_name"), roles(rs.getString("roles")), rs.getBoolean("active"),
            rs.getLong("version"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public UserQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserView> find(String username) {
        return jdbc.query("SELECT * FROM crm_user WHERE username = ?", ROW, username).stream().findFirst();
    }

    public boolean isActive(String username) {
        return find(username).map(UserView::active).orElse(false);
    }

    public List<UserView> active() {
        return jdbc.query("SELECT * FROM crm_user WHERE active = TRUE ORDER BY username", ROW);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM crm_user", Long.class);
        return n == null ? 0 : n;
    }

    static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names.split(",")) {
                Role.fromApiName(name).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
