package dev.crm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Clients that keep sending commands until stopped: each creates a memo, changes its description a few
 * times with If-Match, and starts again. Every command writes a value of its own ({@code c3-n17}); the
 * ones answered with success are remembered with the version they made.
 */
final class Load {

    /** A command the service answered with success. */
    record Ack(String value, long id, long version) {
    }

    final Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
    final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
    final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    /** Counted down once, by {@link #stop()}: the clients end, and a client backing off wakes at once. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final String prefix;

    /** {@code clientFor} gives the client to use for a client number (it may change, e.g. after a restart). */
    Load(String prefix, int clients, IntFunction<Client> clientFor, String recipient) {
        this.prefix = prefix;
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> run(client, clientFor, recipient), prefix + "-client-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    Load start() {
        threads.forEach(Thread::start);
        return this;
    }

    void stop() throws InterruptedException {
        stopped.countDown();
        for (Thread t : threads) {
            t.join(120_000);
        }
    }

    private void run(int client, IntFunction<Client> clientFor, String recipient) {
        long memo = 0;
        long version = 0;
        for (int n = 0; stopped.getCount() > 0; n++) {
            String value = prefix + "-c" + client + "-n" + n;
            Client c = clientFor.apply(client);
            try {
                Client.Response r = memo == 0 || n % 5 == 0
                        ? c.send("POST", "/api/memos", Map.of("title", value, "to", recipient), Map.of())
                        : c.send("PATCH", "/api/memos/" + memo, Map.of("description", value),
                                Map.of("If-Match", "\"" + version + "\""));
                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                if (r.status() / 100 == 2) {
                    memo = r.id();
                    version = r.body().get("version").asLong();
                    acknowledged.add(new Ack(value, memo, version));
                } else {
                    memo = 0;
                    pause(20);
                }
            } catch (RuntimeException e) {
                // no answer: the process died or the connection broke; the outcome is unknown
                unanswered.add(value);
                memo = 0;
                pause(50);
            }
        }
    }

    /**
     * After a refused or unanswered command, backs off for at most {@code millis} (so that a client does not spin
     * on a service that is down), waiting on the load's stop rather than on time alone.
     */
    private void pause(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
