package dev.crm.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A summary of a JFR recording's execution samples: which methods the sampled threads were in (self),
 * and which methods were on their stacks (inclusive), as shares of all samples. Usable on its own:
 * {@code java -cp bench/target/classes dev.crm.bench.JfrTop recording.jfr}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(summary(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25));
    }

    public static String summary(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        int total = Math.max(1, samples);
        double compileMs = 0;
        int compilations = 0;
        double gcMs = 0;
        int gcs = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.Compilation")) {
                compilations++;
                compileMs += e.getDuration().toNanos() / 1e6;
            } else if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                gcMs += e.getDuration().toNanos() / 1e6;
            }
        }
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "JFR %s: %d execution samples; JIT: %d compilations of >= 100 ms, %.0f ms in all; GC: %d collections, "
                        + "%.0f ms in all%n", recording.getFileName(), samples, compilations, compileMs, gcs, gcMs));
        out.append("  self:\n").append(table(self, total, top));
        // inclusive, without the frames every request has (thread starts, servlet/filter plumbing)
        Map<String, Integer> interesting = inclusive.entrySet().stream()
                .filter(x -> x.getKey().startsWith("dev.crm") || x.getKey().contains("crypto")
                        || x.getKey().contains("axonframework.eventsourcing") || x.getKey().contains("jdbc.core")
                        || x.getKey().contains("postgresql.core") || x.getKey().contains("jackson.databind.ObjectMapper")
                        || x.getKey().contains("hikari") || x.getKey().contains("axonframework.eventhandling.Annotation")
                        || x.getKey().contains("BasicAuthenticationFilter") || x.getKey().contains("Serializer"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        out.append("  inclusive (our code, security, JDBC, Axon store, Jackson):\n").append(table(interesting, total, top));
        return out.toString();
    }

    private static String table(Map<String, Integer> counts, int total, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("    %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()))
                .collect(Collectors.joining());
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
