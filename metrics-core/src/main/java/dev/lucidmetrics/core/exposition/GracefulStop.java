package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.lucidmetrics.core.internal.Checks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The graceful stop of a JDK {@link HttpServer}: every request that reached the server before the stop gets its
 * answer, later connections are refused, and the stop ends as soon as the clients have been answered, within the
 * grace period.
 * <pre>{@code
 * server.setExecutor(ServerExecutors.bounded("app-http", 16));
 * GracefulStop graceful = GracefulStop.install(server);        // before server.start()
 * graceful.instrument(server.createContext("/", handler));    // every context of the app
 * server.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(() -> graceful.stop(Duration.ofSeconds(5))));
 * }</pre>
 * The JDK's own {@code HttpServer.stop(delay)} resets the requests it has read but not yet handed a thread, and the
 * next request of every idle keep-alive connection, as soon as its running handlers return; on JDK 17 it waits the
 * whole delay after a client left in the middle of a response. This stop instead:
 * <ol>
 *   <li>opens a guard request from the server to itself ({@value DrainGuard#CONTEXT}/...), so the JDK cannot end
 *       the stop early;</li>
 *   <li>closes the listening socket ({@code HttpServer.stop}); connections accepted before, and those in the
 *       backlog ahead of the guard's, are still served;</li>
 *   <li>then answers every request with {@code Connection: close}, so each client gets its answer and leaves;</li>
 *   <li>once no request has been queued or running for 100 ms (a tenth of the grace if that is less), refuses the
 *       requests that are not yet running (a whole 503, or a connection closed before a byte of an answer), lets
 *       the guard go and ends the server, closing the idle connections. At the end of the grace at the latest.</li>
 * </ol>
 * The app's executor is the caller's: shut it down after {@link #stop}. Plain HTTP only: the guard cannot reach an
 * {@code HttpsServer}, so {@link #install} refuses one.
 */
public final class GracefulStop {

    static final Duration QUIET = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger(GracefulStop.class.getName());

    private final HttpServer server;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong lastChange = new AtomicLong(System.nanoTime());
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final DrainGate gate = new DrainGate();
    private final DrainGuard guard = new DrainGuard();
    private final Filter filter = new Closing();
    private volatile boolean stopping;

    private GracefulStop(HttpServer server) {
        this.server = server;
    }

    /**
     * Prepares {@code server}, before it starts, for a graceful stop: its executor (set it first; else the JDK's
     * default, the dispatcher thread) is wrapped to count the requests handed to it, and the guard's context is
     * added.
     */
    public static GracefulStop install(HttpServer server) {
        Checks.notNull("server", server, "pass the HttpServer to stop gracefully, before starting it");
        if (server instanceof HttpsServer) {
            throw new IllegalArgumentException("GracefulStop.install(server) was given an HttpsServer: its guard"
                    + " request speaks plain HTTP. Stop an HTTPS server with server.stop(delay).");
        }
        GracefulStop graceful = new GracefulStop(server);
        Executor executor = server.getExecutor();
        try {
            server.setExecutor(graceful.counting(executor != null ? executor : Runnable::run));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("GracefulStop.install(server) was called after server.start(): call it"
                    + " before, so that it counts every request the server hands out.", e);
        }
        server.createContext(DrainGuard.CONTEXT, graceful.guard.handler());
        return graceful;
    }

    /** The filter every context of the app needs: {@code Connection: close} once stopping, refusals at the end. */
    public Filter filter() {
        return filter;
    }

    /** Adds {@link #filter()} after {@code context}'s other filters and returns the context. */
    public HttpContext instrument(HttpContext context) {
        if (!context.getFilters().contains(filter)) {
            context.getFilters().add(filter);
        }
        return context;
    }

    /**
     * Requests the server has handed to its executor and that have not finished: queued for a thread, waiting or
     * running, on any context (the guard's own only while its handler runs).
     */
    public int open() {
        return open.get();
    }

    /** Stops the server as the class comment says, within {@code grace}; returns when it has stopped. Idempotent. */
    public void stop(Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("stop(" + grace + ") is illegal: pass zero or a positive grace period"
                    + " such as Duration.ofSeconds(5).");
        }
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        InetSocketAddress address = reachable(server.getAddress());
        try (Socket guarded = guard.start(address, grace)) {
            if (guarded == null || !guard.awaitRunning(deadline, grace.dividedBy(2))) {
                stopWithoutGuard(grace, deadline);
                return;
            }
            Thread stopper = new Thread(() -> server.stop(seconds(deadline)), "graceful-stop");
            stopper.setDaemon(true);
            stopper.start();
            awaitListenerClosed(address, deadline);
            stopping = true;
            awaitQuiet(deadline, QUIET.compareTo(grace.dividedBy(10)) <= 0 ? QUIET : grace.dividedBy(10));
            gate.closeAndStop(left(deadline), () -> {
                guard.release();
                DrainGuard.awaitEnd(guarded, left(deadline));
                server.stop(0);   // everything that reached the server is answered; ends the waiting stop too
            });
            stopper.join(Math.max(1, left(deadline).toMillis()));
        } catch (IOException e) {
            // closing the guard's connection failed: the server has closed it, which is what the stop wanted
        } catch (InterruptedException e) {
            server.stop(0);
            Thread.currentThread().interrupt();
        } finally {
            guard.release();
        }
    }

    /** No guard (it could not connect or run in time): the JDK's stop alone, and a guard that starts late waits not. */
    private void stopWithoutGuard(Duration grace, long deadline) {
        guard.disarm();
        stopping = true;
        LOG.log(System.Logger.Level.WARNING, "The graceful stop's guard request did not run within "
                + grace.dividedBy(2).toMillis() + " ms: stopping with HttpServer.stop alone (requests waiting for a"
                + " thread may see their connection reset).");
        // HttpServer.stop waits its whole delay when nothing runs (JDK-8304065, on 17): ask for one only when needed
        server.stop(open.get() == 0 ? 0 : seconds(deadline));
    }

    private Executor counting(Executor executor) {
        return task -> {
            changed(open.incrementAndGet());
            try {
                executor.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        changed(open.decrementAndGet());
                    }
                });
            } catch (RuntimeException e) {
                changed(open.decrementAndGet());
                throw e;
            }
        };
    }

    private void changed(int ignored) {
        lastChange.set(System.nanoTime());
    }

    /** Where this machine reaches the server: loopback when it listens on every address. */
    private static InetSocketAddress reachable(InetSocketAddress bound) {
        return bound.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()) : bound;
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
            if (open.get() == 0 && System.nanoTime() - lastChange.get() >= quiet.toNanos()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Whole seconds left until {@code deadline}, rounded up (what HttpServer.stop takes). */
    private static int seconds(long deadline) {
        long left = deadline - System.nanoTime();
        return left <= 0 ? 0 : (int) ((left + 999_999_999L) / 1_000_000_000L);
    }

    /** {@code Connection: close} on every response once stopping; the gate that refuses at the very end. */
    private final class Closing extends Filter {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (stopping) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            gate.doFilter(exchange, chain);
        }

        @Override
        public String description() {
            return "Lucid Metrics: graceful stop (Connection: close while stopping)";
        }
    }
}
