package dev.crm.query.contact;

import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.ProjectionWrites;
import dev.crm.query.Sort;
import dev.crm.query.Sql;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.ObjectFields;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads contacts, showing each actor only those the matrix lets them view. */
@Component
public class ContactQueries {

    static final RowMapper<ContactView> ROW = (rs, n) -> {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Sql.fields(rs, ContactKind.KIND));
        fields.remove(ContactKind.COMPANY.name());
        return new ContactView(rs.getLong("id"), rs.getLong("version"), fields, rs.getLong(ContactKind.COMPANY.name()),
                rs.getString("owner"), rs.getObject(ObjectFields.DEPARTMENT.name(), Long.class), rs.getBoolean("deleted"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    };

    /** A name (also "first last"), e-mail, phone or mobile holds the text. */
    static final String TEXT = " AND (LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE :pattern"
            + " ESCAPE '\\' OR LOWER(COALESCE(email, '')) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(phone, '')) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(mobile, '')) LIKE :pattern ESCAPE '\\')";

    /** The fields a contact list can be sorted by, with their SQL. */
    public static final Map<String, String> SORTS = Map.of(ObjectFields.ID.name(), "id",
            ContactKind.FIRST_NAME.name(), "LOWER(first_name)", ContactKind.LAST_NAME.name(), "LOWER(last_name)",
            ContactKind.COMPANY.name(), ContactKind.COMPANY.name(), ObjectFields.OWNER.name(), "owner",
            ObjectFields.UPDATED_AT.name(), "updated_at");
    /** Newest change first (the indexes contact_view_updated, contact_view_company). */
    public static final Sort LATEST = new Sort(ObjectFields.UPDATED_AT.name(), true);

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Paging paging;
    private final UserQueries users;

    public ContactQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, Paging paging, UserQueries users) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.paging = paging;
        this.users = users;
    }

    /** The contact as the command just sent on this thread left it. */
    public Optional<ContactView> afterCommand(long id) {
        Optional<ContactView> written = writes.taken(ContactProjection.TABLE, id, ContactView.class);
        return written.isPresent() ? written : find(id);
    }

    public Optional<ContactView> find(long id) {
        return jdbc.query("SELECT * FROM contact_view WHERE id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /** The live contact, if the actor may view it. */
    public Optional<ContactView> findVisible(long id, Actor actor) {
        return find(id).filter(c -> allows(c, actor, Action.VIEW));
    }

    public boolean allows(ContactView contact, Actor actor, Action action) {
        return contact.allows(actor, action, () -> users.departments(actor.username()));
    }

    /** The live contacts of a company (whoever may view them), in ID order: what its delete and transfer reach. */
    public List<ContactView> ofCompany(long company) {
        return jdbc.query("SELECT * FROM contact_view WHERE company = :company AND deleted = FALSE ORDER BY id",
                new MapSqlParameterSource(ContactKind.COMPANY.name(), company), ROW);
    }

    /** A page of the contacts the actor may view; {@code text} and {@code company} may be null. */
    public Page<ContactView> list(Actor actor, String text, Long company, Collection<Long> departments, Sort sort,
                                  int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" WHERE deleted = FALSE");
        if (!Sql.visible(where, params, actor, ContactKind.NAME, () -> users.departments(actor.username()))) {
            return new Page<>(List.of(), 0, Paging.number(page), Paging.size(size));
        }
        if (company != null) {
            where.append(" AND company = :company");
            params.addValue(ContactKind.COMPANY.name(), company);
        }
        if (text != null && !text.isBlank()) {
            where.append(TEXT);
            params.addValue("pattern", Sql.containsPattern(text.strip()));
        }
        Sql.inDepartments(where, params, ObjectFields.DEPARTMENT.name(), departments);
        return paging.page("*", "contact_view", where, params, sort.orderBy(SORTS, ""), ROW, page, size);
    }
}
