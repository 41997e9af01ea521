package dev.crm.query.file;

import dev.crm.query.Sql;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

@Component
public class FileQueries {

    static final RowMapper<FileView> ROW = (rs, n) -> new FileView(rs.getLong("id"), rs.getLong("attached_to"),
            rs.getString("sha256"), rs.getString("name"), rs.getLong("size"), rs.getString("media_type"),
            rs.getString("owner"), rs.getBoolean("deleted"), rs.getLong("version"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public FileQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FileView> find(long id) {
        return jdbc.query("SELECT * FROM file_view WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** The live file objects of an object, oldest first. */
    public List<FileView> attachedTo(long objectId) {
        return jdbc.query("SELECT * FROM file_view WHERE attached_to = ? AND deleted = FALSE ORDER BY id", ROW, objectId);
    }

    /** Every file object an object ever had, deleted ones too (for its history). */
    public List<Long> everAttachedTo(long objectId) {
        return jdbc.queryForList("SELECT id FROM file_view WHERE attached_to = ? ORDER BY id", Long.class, objectId);
    }

    public long referenceCount(String sha256) {
        List<Long> count = jdbc.queryForList("SELECT ref_count FROM file_content WHERE sha256 = ?", Long.class, sha256);
        return count.isEmpty() ? 0 : count.get(0);
    }

    /** Every stored content the counts know, with the live file objects referring to it. */
    public List<StoredContent> contents() {
        Map<String, List<FileView>> files = jdbc.query("SELECT * FROM file_view WHERE deleted = FALSE ORDER BY id", ROW)
                .stream().collect(Collectors.groupingBy(FileView::sha256));
        return jdbc.query("SELECT * FROM file_content ORDER BY ref_count DESC, sha256", (rs, n) -> new StoredContent(
                rs.getString("sha256"), rs.getLong("size"), rs.getLong("ref_count"), Sql.instant(rs, "zero_since"),
                files.getOrDefault(rs.getString("sha256"), List.of())));
    }
}
