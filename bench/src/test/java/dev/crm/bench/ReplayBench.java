package dev.crm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A focused measurement of the read-model rebuild alone (the benchmark's replay row without the rest of the
 * run): {@code setup N} makes a database as the benchmark does (users, a memo and a task through the API, then
 * N objects loaded into the store) and prints its URL; {@code run URL [times] [jvm args…]} starts the packaged
 * CRM with {@code CRM_REBUILD_READ_MODELS=true} on it and prints the rebuild's rate and the CPU split;
 * {@code raw URL} prints the raw batched replay of the same store. Run from the repository's root with the
 * bench module's test class path.
 */
public final class ReplayBench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of("bench/target/replay-bench").toAbsolutePath();
        Files.createDirectories(work);
        switch (args[0]) {
            case "setup" -> System.out.println("DB " + setup(work, Integer.parseInt(args[1])));
            case "run" -> {
                int times = args.length > 2 ? Integer.parseInt(args[2]) : 1;
                List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
                for (int i = 3; i < args.length; i++) {
                    jvm.add(args[i]);
                }
                for (int i = 0; i < times; i++) {
                    run(work, args[1], jvm);
                }
            }
            case "raw" -> {
                String rawDb = Pg.createDatabase("rawreplay");
                try {
                    RawLimits raw = new RawLimits(rawDb, "{}".getBytes(), "{}".getBytes());
                    System.out.printf(Locale.ROOT, "raw batched replay: %.0f events/s%n", raw.replay(args[1], 1000,
                            Long.MAX_VALUE));
                } finally {
                    Pg.dropDatabase(rawDb);
                }
            }
            case "drop" -> Pg.dropDatabase(args[1]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String setup(Path work, int objects) throws Exception {
        String db = Pg.createDatabase("replay");
        try (CrmProcess crm = new CrmProcess(db, work, "setup", List.of("-Xmx1g"), Map.of()).start()) {
            crm.awaitReady(Duration.ofMinutes(3));
            Client admin = Client.admin(crm.port());
            List<String> authors = new ArrayList<>();
            Client chief = admin.newUser("chief1", "chief");
            List<Client> writers = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                writers.add(admin.newUser("writer" + i, "manager"));
                authors.add("writer" + i);
            }
            authors.add(admin.newUser("reader1").username);
            long memo = writers.get(0).send("POST", "/api/memos", Map.of("title", "Template memo", "to",
                    chief.username), Map.of()).id();
            long task = writers.get(1).send("POST", "/api/tasks", Map.of("title", "Template task", "responsible",
                    List.of(writers.get(2).username)), Map.of()).id();
            Loader.load(db, Loader.creationEvent(db, memo), Loader.creationEvent(db, task), authors, objects);
            crm.stop();
        }
        return db;
    }

    static void run(Path work, String db, List<String> jvm) throws Exception {
        CrmProcess crm = new CrmProcess(db, work, "rebuild", jvm, Map.of("CRM_REBUILD_READ_MODELS", "true")).start();
        try {
            CpuMeter.Snapshot before = CpuMeter.take(crm.pid());
            crm.awaitReady(Duration.ofMinutes(30));
            CpuMeter.Snapshot after = CpuMeter.take(crm.pid());
            Matcher m = Pattern.compile("Rebuilt the read models from (\\d+) events in (\\d+) ms").matcher(crm.logText());
            if (!m.find()) {
                throw new IllegalStateException("no rebuild line in " + crm.log());
            }
            long events = Long.parseLong(m.group(1));
            long millis = Long.parseLong(m.group(2));
            Matcher a = Pattern.compile("analyzed in (\\d+) ms").matcher(crm.logText());
            System.out.printf(Locale.ROOT, "rebuild: %d events in %d ms = %.0f events/s%s; start-up: %s%n", events,
                    millis, events * 1000.0 / millis, a.find() ? " (ANALYZE " + a.group(1) + " ms)" : "",
                    CpuMeter.between(before, after, events));
            try (Connection c = Pg.connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM crm_object), (SELECT COUNT(*) FROM memo_view),"
                         + " (SELECT COUNT(*) FROM task_view)")) {
                rs.next();
                System.out.printf("rows: crm_object %d, memo_view %d, task_view %d%n", rs.getLong(1), rs.getLong(2),
                        rs.getLong(3));
            }
        } finally {
            crm.stop();
        }
    }
}
