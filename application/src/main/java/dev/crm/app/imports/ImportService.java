package dev.crm.app.imports;

import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file's rows as objects of one kind ({@link ImportTarget}), all or nothing.
 * <p>
 * The checks are the kind's own: every row is created through its create command in one transaction, which a
 * check (a preview, a dry run) always rolls back and an import commits only when no row was refused. So a
 * preview shows exactly the errors a create would, rows of one file may refer to each other, and a failed
 * import leaves nothing behind. An import of the pages runs on a background thread and reports its progress
 * ({@link ImportJob}); a checked file waits for its import in memory, for the user who uploaded it, for
 * {@link #KEPT}.
 */
@Service
public class ImportService {

    static final Duration KEPT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Held(String username, ImportPlan plan, Instant at) {
    }

    private final Map<String, ImportTarget> targets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "crm-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(List<ImportTarget> targets, PlatformTransactionManager transactions, Clock clock) {
        this.targets = targets.stream().collect(Collectors.toMap(t -> t.kind().path(), t -> t));
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The kind of that path, if its objects can be imported. */
    public Optional<ImportTarget> target(String kindPath) {
        return Optional.ofNullable(targets.get(kindPath));
    }

    /** Whether the actor may import objects of that kind (they may add them). */
    public boolean mayImport(Actor actor, String kindPath) {
        return target(kindPath).map(t -> Permissions.allows(actor, t.kind().name(), Action.ADD)).orElse(false);
    }

    /**
     * Reads the file and maps its header to the kind's fields: a column is a field whose name, or one of the
     * {@code names} given for it (its label), equals the column's header, ignoring case and spaces around it.
     */
    public ImportPlan read(Actor actor, ImportTarget target, String filename, InputStream in,
                           Function<Field, Collection<String>> names) {
        requireAdd(actor, target);
        ImportFile.Table table;
        try {
            table = ImportFile.read(filename, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : target.fields()) {
            byName.putIfAbsent(normal(field.name()), field);
            for (String name : names.apply(field)) {
                byName.putIfAbsent(normal(name), field);
            }
        }
        List<Field> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<Field> taken = new HashSet<>();
        for (String header : table.header()) {
            Field field = byName.get(normal(header));
            if (field != null && taken.add(field)) {
                columns.add(field);
            } else {
                columns.add(null);
                if (!header.isBlank()) {
                    ignored.add(header.strip());
                }
            }
        }
        List<ImportPlan.PlannedRow> rows = new ArrayList<>();
        for (ImportFile.Line line : table.lines()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(columns.size(), line.cells().size()); i++) {
                String cell = line.cells().get(i);
                if (columns.get(i) != null && cell != null && !cell.isBlank()) {
                    values.put(columns.get(i).name(), cell.strip());
                }
            }
            rows.add(new ImportPlan.PlannedRow(line.number(), values, false, List.of()));
        }
        return new ImportPlan(target, columns, ignored, rows);
    }

    /**
     * Marks the duplicates (of an object the actor sees, or of an earlier row) and finds each row's errors by
     * creating the rows to import in a transaction that is rolled back.
     */
    public ImportPlan check(Actor actor, ImportPlan plan, boolean duplicates) {
        ImportPlan marked = markDuplicates(actor, plan);
        return marked.withRows(attempt(actor, marked, duplicates, false, () -> { }));
    }

    /** Checks and, when no row is refused, imports at once (the API); the answer's errors say why not. */
    public ImportPlan importNow(Actor actor, ImportPlan plan, boolean duplicates) {
        ImportPlan marked = markDuplicates(actor, plan);
        return marked.withRows(attempt(actor, marked, duplicates, true, () -> { }));
    }

    /** Keeps a checked plan for its import by the same user; the answer names it. */
    public String hold(Actor actor, ImportPlan plan) {
        forgetOld();
        String token = token();
        held.put(token, new Held(actor.username(), plan, clock.instant()));
        return token;
    }

    /** The plan kept under that name for this user. */
    public Optional<ImportPlan> held(Actor actor, String token) {
        Held h = held.get(token);
        return h == null || !h.username().equals(actor.username()) ? Optional.empty() : Optional.of(h.plan());
    }

    /** Starts importing a kept plan on a background thread; the plan is then no longer kept. */
    public Optional<ImportJob> start(Actor actor, String token, boolean duplicates) {
        Optional<ImportPlan> found = held(actor, token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        held.remove(token);
        ImportPlan plan = found.get();
        requireAdd(actor, plan.target());
        List<ImportPlan.PlannedRow> rows = plan.toImport(duplicates);
        ImportJob job = new ImportJob(token(), actor.username(), plan.target().kind().path(), rows.size(),
                clock.instant());
        jobs.put(job.id(), job);
        runner.submit(() -> run(actor, plan, duplicates, job));
        return Optional.of(job);
    }

    /** The actor's own job. */
    public Optional<ImportJob> job(Actor actor, String id) {
        ImportJob job = jobs.get(id);
        return job == null || !job.username().equals(actor.username()) ? Optional.empty() : Optional.of(job);
    }

    private void run(Actor actor, ImportPlan plan, boolean duplicates, ImportJob job) {
        try {
            ImportPlan marked = markDuplicates(actor, plan);
            List<ImportPlan.PlannedRow> rows = attempt(actor, marked, duplicates, true, job::step);
            ImportPlan result = marked.withRows(rows);
            if (result.errors().isEmpty()) {
                job.finish(marked.toImport(duplicates).size());
            } else {
                job.fail(result.errors());
            }
        } catch (Rejected e) {
            job.fail(List.of(new ImportPlan.RowError(0, new Rejected.FieldError(ImportFile.FILE, e.code(), e.args()))));
        } catch (RuntimeException e) {
            log.error("import {} failed", job.id(), e);
            job.fail(List.of(new ImportPlan.RowError(0, new Rejected.FieldError(ImportFile.FILE, "import.error.failed",
                    new Object[0]))));
        }
    }

    private ImportPlan markDuplicates(Actor actor, ImportPlan plan) {
        Set<String> seen = new HashSet<>();
        List<ImportPlan.PlannedRow> rows = new ArrayList<>();
        for (ImportPlan.PlannedRow row : plan.rows()) {
            boolean duplicate = false;
            for (String key : plan.target().keys(row.values())) {
                duplicate |= !seen.add(key);
            }
            duplicate = duplicate || plan.target().exists(actor, row.values());
            rows.add(new ImportPlan.PlannedRow(row.number(), row.values(), duplicate, List.of()));
        }
        return plan.withRows(rows);
    }

    /**
     * Creates the rows to import in one transaction, noting each row's errors; commits only when {@code keep}
     * and no row was refused. A failure that is not a refused row (a conflict, the database gone) rolls all back
     * and is thrown.
     */
    private List<ImportPlan.PlannedRow> attempt(Actor actor, ImportPlan plan, boolean duplicates, boolean keep,
                                                Runnable step) {
        requireAdd(actor, plan.target());
        List<ImportPlan.PlannedRow> out = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            boolean refused = false;
            for (ImportPlan.PlannedRow row : plan.rows()) {
                if (row.duplicate() && !duplicates) {
                    out.add(row);
                    continue;
                }
                try {
                    plan.target().create(actor, row.values());
                    out.add(row);
                } catch (Rejected.Invalid e) {
                    refused = true;
                    out.add(row.withErrors(e.errors()));
                }
                step.run();
            }
            if (!keep || refused) {
                status.setRollbackOnly();
            }
        });
        return out;
    }

    private static void requireAdd(Actor actor, ImportTarget target) {
        if (!Permissions.allows(actor, target.kind().name(), Action.ADD)) {
            throw new Rejected.Forbidden("error.import.forbidden");
        }
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        held.values().removeIf(h -> h.at().isBefore(before));
        jobs.values().removeIf(j -> j.state() != ImportJob.State.RUNNING && j.started().isBefore(before));
    }

    private static String normal(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
