package dev.crm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of a server (PostgreSQL, an SMTP server) that a test can cut or slow down: {@link #cut()} closes every open connection and
 * stops listening (new connections are refused), as when the database host goes away;
 * {@link #restore()} listens again on the same port. The shared server itself is never touched.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    /** Milliseconds each chunk of the target's answers waits before it is passed on (0: none). */
    private final long delay;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this(targetHost, targetPort, 0);
    }

    /** A proxy that holds each chunk the target answers for {@code delayMillis} (a slow server). */
    TcpProxy(String targetHost, int targetPort, long delayMillis) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delay = delayMillis;
        this.port = CrmProcess.freePort();
        restore();
    }

    int port() {
        return port;
    }

    synchronized void restore() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = s;
        Thread accept = new Thread(() -> accept(s), "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    synchronized void cut() {
        ServerSocket s = listener;
        listener = null;
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                pump(client, server, 0);
                pump(server, client, delay);
            } catch (IOException e) {
                // listener closed, or the target refused
            }
        }
    }

    /**
     * Passes what {@code from} sends on to {@code to}: at once, or each chunk {@code delay} milliseconds after it
     * arrived (a slow link), in order, by a scheduler of its own; the sockets close after the last chunk went.
     */
    private void pump(Socket from, Socket to, long delay) {
        ScheduledExecutorService later = delay <= 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proxy-delay");
            t.setDaemon(true);
            return t;
        });
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (later == null) {
                        forward(out, buffer, n, from, to);
                    } else {
                        byte[] chunk = Arrays.copyOf(buffer, n);
                        later.schedule(() -> forward(out, chunk, chunk.length, from, to), delay, TimeUnit.MILLISECONDS);
                    }
                }
            } catch (IOException e) {
                // cut
            } finally {
                if (later == null) {
                    close(from, to);
                } else {
                    later.schedule(() -> {
                        close(from, to);
                        later.shutdown();
                    }, delay, TimeUnit.MILLISECONDS);
                }
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void forward(OutputStream out, byte[] chunk, int length, Socket from, Socket to) {
        try {
            out.write(chunk, 0, length);
            out.flush();
        } catch (IOException e) {
            close(from, to); // cut
        }
    }

    private void close(Socket from, Socket to) {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
