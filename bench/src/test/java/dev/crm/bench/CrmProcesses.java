package dev.crm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CRM processes and the databases of a process-level test ({@code @RegisterExtension}): each made on demand, all
 * stopped and dropped after each test, whatever it left running. The processes' logs go to {@code target/<dir>}.
 */
final class CrmProcesses implements AfterEachCallback {

    /** The JVM options of an instance that needs no more than the reliability tests ask of it. */
    static final List<String> SMALL = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private final Path work;
    private final List<CrmProcess> processes = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    CrmProcesses(String dir) {
        this.work = Path.of("target", dir);
    }

    /** A fresh database, dropped after the test. */
    String database(String purpose) {
        String db = Pg.createDatabase(purpose);
        databases.add(db);
        return db;
    }

    /** A CRM process on that database, started (not yet ready: {@link CrmProcess#awaitReady}), stopped after the test. */
    CrmProcess start(String db, String name, List<String> jvmArgs, Map<String, String> env) throws Exception {
        Files.createDirectories(work);
        CrmProcess p = new CrmProcess(db, work, name, jvmArgs, env).start();
        processes.add(p);
        return p;
    }

    /** The processes started so far, oldest first. */
    List<CrmProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        processes.forEach(CrmProcess::close);
        processes.clear();
        databases.forEach(Pg::dropDatabase);
        databases.clear();
    }
}
