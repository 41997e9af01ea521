package dev.crm.query.company;

import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.ProjectionWrites;
import dev.crm.query.Sort;
import dev.crm.query.Sql;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.ObjectFields;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads companies, showing each actor only those the matrix lets them view. */
@Component
public class CompanyQueries {

    static final RowMapper<CompanyView> ROW = (rs, n) -> new CompanyView(rs.getLong("id"), rs.getLong("version"),
            Sql.fields(rs, CompanyKind.KIND), rs.getString("owner"), rs.getObject(ObjectFields.DEPARTMENT.name(), Long.class),
            rs.getBoolean("deleted"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

    /** Name (or another name), e-mail or phone holds the text ({@code Sql#containsPattern}). */
    static final String TEXT = " AND (LOWER(name) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(alternative_names, '')) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(email, '')) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(phone, '')) LIKE :pattern ESCAPE '\\')";

    /** The fields a company list can be sorted by, with their SQL. */
    public static final Map<String, String> SORTS = Map.of(ObjectFields.ID.name(), "id",
            CompanyKind.COMPANY_NAME.name(), "LOWER(name)", CompanyKind.COUNTRY.name(), "LOWER(country)",
            CompanyKind.CITY.name(), "LOWER(city)", ObjectFields.OWNER.name(), "owner",
            ObjectFields.DEPARTMENT.name(), ObjectFields.DEPARTMENT.name(), ObjectFields.UPDATED_AT.name(), "updated_at");
    /** Newest change first (the index company_view_updated). */
    public static final Sort LATEST = new Sort(ObjectFields.UPDATED_AT.name(), true);

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Paging paging;
    private final UserQueries users;

    public CompanyQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, Paging paging, UserQueries users) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.paging = paging;
        this.users = users;
    }

    /** The company as the command just sent on this thread left it. */
    public Optional<CompanyView> afterCommand(long id) {
        Optional<CompanyView> written = writes.taken(CompanyProjection.TABLE, id, CompanyView.class);
        return written.isPresent() ? written : find(id);
    }

    /** The company whatever its state; for callers that apply the rules themselves. */
    public Optional<CompanyView> find(long id) {
        return jdbc.query("SELECT * FROM company_view WHERE id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /** The live company, if the actor may view it. */
    public Optional<CompanyView> findVisible(long id, Actor actor) {
        return find(id).filter(c -> allows(c, actor, Action.VIEW));
    }

    /** Whether the actor may do this to the live company. */
    public boolean allows(CompanyView company, Actor actor, Action action) {
        return company.allows(actor, action, () -> users.departments(actor.username()));
    }

    /** A page of the companies the actor may view; {@code text} may be null; {@code departments} null: all. */
    public Page<CompanyView> list(Actor actor, String text, Collection<Long> departments, Sort sort, int page,
                                  int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" WHERE deleted = FALSE");
        if (!Sql.visible(where, params, actor, CompanyKind.NAME, () -> users.departments(actor.username()))) {
            return new Page<>(List.of(), 0, Paging.number(page), Paging.size(size));
        }
        if (text != null && !text.isBlank()) {
            where.append(TEXT);
            params.addValue("pattern", Sql.containsPattern(text.strip()));
        }
        Sql.inDepartments(where, params, ObjectFields.DEPARTMENT.name(), departments);
        return paging.page("*", "company_view", where, params, sort.orderBy(SORTS, ""), ROW, page, size);
    }
}
