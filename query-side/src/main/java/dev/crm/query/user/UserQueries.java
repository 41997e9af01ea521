package dev.crm.query.user;

import dev.crm.query.Sql;
import dev.crm.shared.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

@Component
public class UserQueries {

    static final RowMapper<UserView> ROW = (rs, n) -> new UserView(rs.getString("username"),
            rs.getString("display_name"), roles(rs.getString("roles")), rs.getBoolean("active"),
            rs.getLong("version"), Sql.instant(rs, "created_at"), rs.getString("language"),
            rs.getString("time_zone"));

    private final JdbcTemplate jdbc;

    public UserQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserView> find(String username) {
        return jdbc.query("SELECT * FROM crm_user WHERE username = ?", ROW, username).stream().findFirst();
    }

    /** A user and their stored password hash (null when they have none), read together for a sign-in. */
    public record SignIn(UserView user, String passwordHash) {
    }

    /** The user with their password hash, in one query: what each request with a password needs. */
    public Optional<SignIn> forSignIn(String username) {
        return jdbc.query("""
                SELECT u.*, c.password_hash FROM crm_user u LEFT JOIN user_credential c ON c.username = u.username
                WHERE u.username = ?""", (rs, n) -> new SignIn(ROW.mapRow(rs, n), rs.getString("password_hash")),
                username).stream().findFirst();
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

    // --- user administration ---

    /**
     * Users for the administrators' list, by username: {@code q} in the username or display name,
     * only members of {@code department}, only active or inactive ones; null leaves a filter out.
     */
    public List<UserView> list(String q, Long department, Boolean active) {
        StringBuilder sql = new StringBuilder("SELECT * FROM crm_user u WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            sql.append(" AND (LOWER(u.username) LIKE ? ESCAPE '\\' OR LOWER(u.display_name) LIKE ? ESCAPE '\\')");
            args.add(Sql.containsPattern(q.strip()));
            args.add(Sql.containsPattern(q.strip()));
        }
        if (department != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM user_department d WHERE d.username = u.username AND d.department_id = ?)");
            args.add(department);
        }
        if (active != null) {
            sql.append(" AND u.active = ?");
            args.add(active);
        }
        sql.append(" ORDER BY u.username");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** The IDs of the departments the user belongs to, ascending. */
    public List<Long> departments(String username) {
        return jdbc.queryForList("SELECT department_id FROM user_department WHERE username = ? ORDER BY department_id",
                Long.class, username);
    }

    /** Every user's departments (users without any are absent). */
    public Map<String, List<Long>> departmentsOfAll() {
        Map<String, List<Long>> all = new HashMap<>();
        jdbc.query("SELECT username, department_id FROM user_department ORDER BY username, department_id",
                rs -> {
                    all.computeIfAbsent(rs.getString("username"), u -> new ArrayList<>()).add(rs.getLong("department_id"));
                });
        return all;
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
