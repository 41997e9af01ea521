package dev.crm.app.imports;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An import running (or run) in the background: how far it is, and how it ended. */
public final class ImportJob {

    public enum State { RUNNING, DONE, FAILED }

    private final String id;
    private final String username;
    private final String kindPath;
    private final int total;
    private final Instant started;
    private final AtomicInteger done = new AtomicInteger();
    private volatile State state = State.RUNNING;
    private volatile int imported;
    private volatile List<ImportPlan.RowError> errors = List.of();

    ImportJob(String id, String username, String kindPath, int total, Instant started) {
        this.id = id;
        this.username = username;
        this.kindPath = kindPath;
        this.total = total;
        this.started = started;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    /** The path of the kind imported ({@code companies}). */
    public String kindPath() {
        return kindPath;
    }

    public int total() {
        return total;
    }

    /** Rows processed so far (not yet committed while the job runs). */
    public int done() {
        return done.get();
    }

    public State state() {
        return state;
    }

    /** Rows stored: all of them once it is done, none if it failed. */
    public int imported() {
        return imported;
    }

    public List<ImportPlan.RowError> errors() {
        return errors;
    }

    Instant started() {
        return started;
    }

    void step() {
        done.incrementAndGet();
    }

    void finish(int importedRows) {
        imported = importedRows;
        state = State.DONE;
    }

    void fail(List<ImportPlan.RowError> found) {
        errors = List.copyOf(found);
        imported = 0;
        state = State.FAILED;
    }
}
