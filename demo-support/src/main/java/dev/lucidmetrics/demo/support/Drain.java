package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The graceful stop of a JDK {@link HttpServer}: no request that reached the server before the stop loses its
 * answer, and the stop ends as soon as the clients have been answered, within the grace period.
 * <ol>
 *   <li>A guard request from the server to itself gets its response headers and is left open, its thread free.
 *       The JDK server finishes by itself the moment its count of open exchanges touches zero, but that count
 *       leaves out requests already read and queued for a thread and requests still waiting on an idle
 *       connection, whose connections it then closes under them (the client sees a reset). While the guard is
 *       open, the count cannot touch zero.</li>
 *   <li>{@code HttpServer.stop} closes the listening socket; connections accepted before it, and the ones in the
 *       backlog ahead of the guard's, are still served.</li>
 *   <li>Then every response says {@code Connection: close}: a client gets its answer and leaves its keep-alive
 *       connection, and its next connect is refused. (Saying it before the listener closed would send clients to
 *       the backlog, whose connections the close resets.)</li>
 *   <li>Once no request has been queued or running for a quiet period, the guard answers and the server is told
 *       to finish now, which closes the idle connections. Now, rather than when its count of open exchanges is
 *       back to zero: on JDK 17 an exchange whose client left before the end of its response is never taken off
 *       that count, and the stop would wait out the whole grace period. At the end of the grace at the latest.</li>
 * </ol>
 */
final class Drain {

    /** The context of the guard request; any other request there gets 404 (and is not counted in the app's metrics). */
    static final String GUARD_CONTEXT = "/.demo-server-drain";
    /** How long no request may be queued or running before the stop ends (a tenth of the grace if that is less). */
    static final Duration QUIET = Duration.ofMillis(100);

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong lastChange = new AtomicLong(System.nanoTime());
    private final CountDownLatch guardRunning = new CountDownLatch(1);
    private final String guardPath = GUARD_CONTEXT + "/" + UUID.randomUUID();
    private volatile boolean armed;
    private volatile boolean stopping;
    private HttpExchange guardExchange;  // guarded by this
    private boolean released;  // guarded by this

    /** {@code executor}, counting the requests the server has handed it and that have not finished. */
    Executor counting(Executor executor) {
        return task -> {
            changed(pending.incrementAndGet());
            try {
                executor.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        changed(pending.decrementAndGet());
                    }
                });
            } catch (RuntimeException e) {
                changed(pending.decrementAndGet());
                throw e;
            }
        };
    }

    private void changed(int ignored) {
        lastChange.set(System.nanoTime());
    }

    /** The filter that adds {@code Connection: close} to every response once stopping. */
    Filter connectionClose() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                if (stopping) {
                    exchange.getResponseHeaders().set("Connection", "close");
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "asks clients to leave their connections once the server is stopping";
            }
        };
    }

    /** The handler of {@link #GUARD_CONTEXT}: the guard's headers, its body of one byte only when released. */
    HttpHandler guard() {
        return exchange -> {
            if (!armed || !guardPath.equals(exchange.getRequestURI().getPath())) {
                Responses.error(exchange, 404, "Not found.");
                return;
            }
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, 1);
            synchronized (this) {
                guardExchange = exchange;
                if (released) {
                    finish(exchange);
                }
            }
            guardRunning.countDown();
        };
    }

    /** Completes the guard's response (now or as soon as it arrives), which lets the JDK server finish. */
    private synchronized void release() {
        released = true;
        if (guardExchange != null) {
            finish(guardExchange);
        }
    }

    private static void finish(HttpExchange exchange) {
        try (OutputStream body = exchange.getResponseBody()) {
            body.write('\n');
        } catch (IOException e) {
            // the server closed it already
        } finally {
            exchange.close();
        }
    }

    /** Stops {@code server} as the class comment says, within {@code grace}. */
    void stop(HttpServer server, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        armed = true;
        InetSocketAddress address = reachable(server.getAddress());
        try (Socket guard = startGuard(address, grace)) {
            boolean guarded = guard != null && awaitGuard(deadline, grace.dividedBy(2));
            if (!guarded) {
                // No guard (it could not connect or was not run in time): the JDK stop alone, and a guard that
                // starts late must not hold it up. It waits its full delay when nothing runs (JDK-8304065 on
                // 17), so only ask for one when something does.
                armed = false;
                release();
                stopping = true;
                System.getLogger(Drain.class.getName()).log(System.Logger.Level.WARNING,
                        "the drain guard did not start within " + grace.dividedBy(2).toMillis()
                        + " ms: stopping without it (requests waiting for a thread may see their connection reset)");
                server.stop(pending.get() == 0 ? 0 : seconds(deadline));
                return;
            }
            Thread stopper = new Thread(() -> server.stop(seconds(deadline)), "demo-server-stop");
            stopper.start();
            awaitListenerClosed(address, deadline);
            stopping = true;
            awaitQuiet(deadline, min(QUIET, grace.dividedBy(10)));
            release();
            guard.getInputStream().readAllBytes();
            server.stop(0);  // everything that reached the server is answered; ends the waiting stop too
            stopper.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (IOException e) {
            // the guard's connection failed: the server is closing it, which is what the stop wanted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    /** Where this machine reaches the server: loopback when it listens on every address. */
    private static InetSocketAddress reachable(InetSocketAddress bound) {
        return bound.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()) : bound;
    }

    /** Connects to the server and sends the guard request; null when it cannot. */
    private Socket startGuard(InetSocketAddress address, Duration grace) {
        Socket s = new Socket();
        try {
            s.setSoTimeout((int) Math.max(1, grace.toMillis()));
            s.connect(address, (int) Math.max(1, grace.toMillis()));
            OutputStream out = s.getOutputStream();
            out.write(("GET " + guardPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return s;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // it did not connect
            }
            return null;
        }
    }

    private boolean awaitGuard(long deadline, Duration atMost) throws InterruptedException {
        long wait = Math.min(atMost.toNanos(), Math.max(0, deadline - System.nanoTime()));
        return guardRunning.await(wait, TimeUnit.NANOSECONDS);
    }

    /** Polls until the listening socket refuses connections (HttpServer.stop closes it first thing). */
    private static void awaitListenerClosed(InetSocketAddress address, long deadline) {
        while (System.nanoTime() - deadline < 0 && accepts(address)) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket probe = new Socket()) {
            probe.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until no request has been queued or running for {@code quiet}, or the deadline. */
    private void awaitQuiet(long deadline, Duration quiet) {
        while (System.nanoTime() - deadline < 0) {
            if (pending.get() == 0 && System.nanoTime() - lastChange.get() >= quiet.toNanos()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** Whole seconds left until {@code deadline}, rounded up (what HttpServer.stop takes). */
    private static int seconds(long deadline) {
        long left = deadline - System.nanoTime();
        return left <= 0 ? 0 : (int) ((left + 999_999_999L) / 1_000_000_000L);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Requests handed to the executor and not finished (the guard's included while it runs). */
    int pending() {
        return pending.get();
    }
}
