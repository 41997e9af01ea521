package dev.crm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Figures of a running CRM process, read the way an operator would: its metrics, and jcmd for the heap. */
final class Gauges {

    private Gauges() {
    }

    /** A metric's value ({@code /actuator/metrics/<name>}), read as admin with Basic (which opens no session). */
    static double metric(Client admin, String name) {
        Client.Response r = admin.get("/actuator/metrics/" + name);
        if (r.status() != 200) {
            throw new IllegalStateException(name + ": " + r.status() + " " + r.text());
        }
        return r.body().get("measurements").get(0).get("value").asDouble();
    }

    static long activeSessions(Client admin) {
        return (long) metric(admin, "tomcat.sessions.active.current");
    }

    /** The heap in use right after a full collection (jcmd GC.run): what the process really keeps, in MB. */
    static double liveHeapMb(CrmProcess crm, Client admin) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(crm.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(30, TimeUnit.SECONDS)) {
                gc.destroyForcibly();
                throw new IllegalStateException("jcmd GC.run did not finish");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return metric(admin, "jvm.memory.used?tag=area:heap") / (1024 * 1024);
    }
}
