package dev.crm.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Allocates object IDs, unique across all kinds, from one database sequence, {@value #BLOCK} at a time: the
 * sequence steps by {@value #BLOCK} (migration V12), each value it gives opens a block of that many IDs that
 * only this process hands out, so most creations need no round trip for their ID. Several instances each take
 * their own blocks; IDs stay unique and increase within an instance, and a restart leaves the rest of a block
 * unused (IDs are names, not counts).
 */
@Component
public class ObjectIds {

    /** The sequence's step; must equal the INCREMENT BY of {@code crm_object_id}. */
    static final int BLOCK = 20;

    private final JdbcTemplate jdbc;
    private long next;
    private long end;

    ObjectIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized long next() {
        if (next == end) {
            Long start = jdbc.queryForObject("SELECT nextval('crm_object_id')", Long.class);
            if (start == null) {
                throw new IllegalStateException("the object ID sequence answered nothing");
            }
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }
}
