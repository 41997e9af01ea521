package dev.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase, from /proc (Linux): the CRM process, the PostgreSQL
 * server processes, this benchmark's own JVM (the clients), and everything else; a profile of the
 * whole machine, since all of them share its cores. Elsewhere than Linux it reports nothing.
 */
final class CpuMeter {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    record Snapshot(long nanos, double crm, double postgres, double self, double busy, double idle) {
    }

    private CpuMeter() {
    }

    static Snapshot take(long crmPid) {
        double busy = 0;
        double idle = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                double v = Long.parseLong(cpu[i]) / TICKS;
                if (i == 4 || i == 5) {
                    idle += v;
                } else {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Snapshot(System.nanoTime(), 0, 0, 0, 0, 0);
        }
        double postgres = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (p.getFileName().toString().chars().allMatch(Character::isDigit) && "postgres".equals(comm(p))) {
                    postgres += cpu(p);
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return new Snapshot(System.nanoTime(), cpu(Path.of("/proc", Long.toString(crmPid))), postgres,
                cpu(Path.of("/proc", Long.toString(ProcessHandle.current().pid()))), busy, idle);
    }

    /** The CRM's CPU per operation between two snapshots, in ms (NaN without CPU figures). */
    static double crmMillisPerOperation(Snapshot a, Snapshot b, long operations) {
        return operations > 0 ? 1000 * (b.crm() - a.crm()) / operations : Double.NaN;
    }

    /** "CRM 55 %, PostgreSQL 30 %, clients 10 %, other 3 %, idle 2 % of 2 cores; per command: …". */
    static String between(Snapshot a, Snapshot b, long operations) {
        double wall = (b.nanos() - a.nanos()) / 1e9;
        double capacity = (b.busy() - a.busy()) + (b.idle() - a.idle());
        if (capacity <= 0) {
            return "no CPU figures (not Linux)";
        }
        double crm = b.crm() - a.crm();
        double pg = b.postgres() - a.postgres();
        double self = b.self() - a.self();
        double other = Math.max(0, (b.busy() - a.busy()) - crm - pg - self);
        double idle = b.idle() - a.idle();
        String shares = String.format(Locale.ROOT, "CRM %.0f %%, PostgreSQL %.0f %%, clients %.0f %%, other processes "
                        + "%.0f %%, idle %.0f %% of the machine's %d cores over %.0f s", 100 * crm / capacity,
                100 * pg / capacity, 100 * self / capacity, 100 * other / capacity, 100 * idle / capacity,
                Runtime.getRuntime().availableProcessors(), wall);
        if (operations > 0) {
            shares += String.format(Locale.ROOT, "; CPU per operation: CRM %.2f ms, PostgreSQL %.2f ms, clients %.2f ms",
                    1000 * crm / operations, 1000 * pg / operations, 1000 * self / operations);
        }
        return shares;
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static double cpu(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime), counted from after the command name
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
