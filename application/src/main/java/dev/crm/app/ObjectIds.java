package dev.crm.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Allocates object IDs, unique across all kinds, from one database sequence. */
@Component
public class ObjectIds {

    private final JdbcTemplate jdbc;

    ObjectIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long next() {
        Long id = jdbc.queryForObject("SELECT nextval('crm_object_id')", Long.class);
        if (id == null) {
            throw new IllegalStateException("the object ID sequence answered nothing");
        }
        return id;
    }
}
