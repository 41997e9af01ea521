package dev.crm.query.department;

import dev.crm.query.Sql;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

@Component
public class DepartmentQueries {

    static final RowMapper<DepartmentView> ROW = (rs, n) -> new DepartmentView(rs.getLong("id"), rs.getString("name"),
            rs.getLong("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getString("head"),
            rs.getString("time_zone"));

    private final JdbcTemplate jdbc;

    public DepartmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every department, by name. */
    public List<DepartmentView> all() {
        return jdbc.query("SELECT * FROM department_view ORDER BY name_key, id", ROW);
    }

    public Optional<DepartmentView> find(long id) {
        return jdbc.query("SELECT * FROM department_view WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<Long> findByName(String name) {
        return jdbc.queryForList("SELECT id FROM department_view WHERE name_key = ?", Long.class,
                DepartmentProjection.key(name.strip())).stream().findFirst();
    }

    /** The names of these departments, by ID, in the order of their names. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            all().stream().filter(d -> ids.contains(d.id())).forEach(d -> names.put(d.id(), d.name()));
        }
        return names;
    }

    /** The head of the department, if it has one. */
    public Optional<String> head(long id) {
        return find(id).map(DepartmentView::head);
    }
}
