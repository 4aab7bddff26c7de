package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deadlines for the clients of a JDK {@code HttpServer}, so that slow and stalled clients cannot take the threads
 * that scrapes and the app's own requests need. The JDK server hands a connection to its executor as soon as the
 * first byte of a request arrives, and that thread then reads the request line and headers with blocking reads:
 * a client that sends its head one byte at a time holds the thread for as long as it likes, before any filter or
 * handler runs. This class watches every task of the executor it wraps and closes, by interrupting the blocked read
 * (which closes the connection):
 * <ul>
 *   <li>a request whose head has not arrived within the {@linkplain Builder#headerTimeout header timeout} (default
 *       5 s) of its first byte;</li>
 *   <li>while requests wait for a thread, the ones that have been reading their head the longest, once it has taken
 *       them more than {@value #SHED_MILLIS} ms since their first byte (a whole head arrives in one packet), as many
 *       as are waiting: so a scrape waits for a slow client a fraction of a second, not the whole timeout;</li>
 *   <li>an exchange whose response is not complete within the {@linkplain Builder#responseTimeout response timeout}
 *       (default 30 s) of its head, such as one whose client stopped reading.</li>
 * </ul>
 * <pre>{@code
 * RequestDeadlines deadlines = RequestDeadlines.builder().build();
 * server.setExecutor(deadlines.watch(ServerExecutors.bounded("app-http", 64)));   // or virtual threads on 21+
 * deadlines.instrument(server.createContext("/", handler));   // every context: its filter first
 * MetricsHandler.builder(app).build().mount(server);          // marks its own requests
 * }</pre>
 * The server's executor must be the watched one, and every context must start with {@link #filter()} (or be served
 * by the library's own handlers, which mark their requests themselves): a request no filter marks counts as still
 * reading its head and is closed at the header timeout. It sets no JVM-wide property (the JDK's own
 * {@code sun.net.httpserver.maxReqTime} would change every server in the process) and works the same on platform
 * and virtual threads, Java 17 and later. {@link #close()} stops its watchdog thread.
 */
public final class RequestDeadlines implements AutoCloseable {

    /** The header timeout unless {@code headerTimeout(...)} or {@code METRICS_HEADER_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(5);
    /** The response timeout unless {@code responseTimeout(...)} or {@code METRICS_RESPONSE_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The accept queue to create a watched server with ({@code HttpServer.create(address, BACKLOG)}). Slow clients
     * closed to make room reconnect as fast as they are closed, hundreds a second; the JDK's default queue of 50
     * overflows, the kernel drops SYNs, a scrape's among them, and that connect waits a second for its
     * retransmission. Linux caps it at {@code net.core.somaxconn} (4,096 by default).
     */
    public static final int BACKLOG = 1_024;
    /** Under pressure, heads that have taken longer than this are closed to make room. */
    public static final long SHED_MILLIS = 250;
    static final Duration TICK = Duration.ofMillis(25);

    private static final ThreadLocal<Watch> CURRENT = new ThreadLocal<>();
    private static final Filter FILTER = new HeadArrived();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final long headerNanos;
    private final long responseNanos;
    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong closedHeads = new AtomicLong();
    private final AtomicLong closedResponses = new AtomicLong();
    private final ScheduledExecutorService watchdog;

    private RequestDeadlines(Duration header, Duration response) {
        this.headerNanos = header.toNanos();
        this.responseNanos = response.toNanos();
        String name = "lucid-request-deadlines-" + INSTANCES.incrementAndGet();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts describing the deadlines; {@code build()} starts the watchdog thread. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code executor}, each of its tasks watched: set it as the server's executor. */
    public Executor watch(Executor executor) {
        Checks.notNull("executor", executor, "pass the executor the server would use, such as"
                + " ServerExecutors.bounded(\"app-http\", 64)");
        return task -> {
            Watch w = new Watch();
            waiting.incrementAndGet();
            try {
                executor.execute(() -> run(w, task));
            } catch (RuntimeException e) {
                waiting.decrementAndGet();
                throw e;
            }
        };
    }

    /** The filter that marks a request's head as arrived; first of every context (see {@link #instrument}). */
    public Filter filter() {
        return FILTER;
    }

    /** Puts {@link #filter()} first among {@code context}'s filters and returns the context. */
    public HttpContext instrument(HttpContext context) {
        List<Filter> filters = context.getFilters();
        filters.remove(FILTER);
        filters.add(0, FILTER);
        return context;
    }

    /** Requests closed because their head did not arrive in time (or took too long while others waited). */
    public long closedHeads() {
        return closedHeads.get();
    }

    /** Exchanges closed because their response was not complete within the response timeout. */
    public long closedResponses() {
        return closedResponses.get();
    }

    /** Stops the watchdog; requests still running are no longer watched. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /**
     * Marks the current request's head as arrived; false when its deadline closed it first (the caller answers
     * nothing and lets the connection close). True on a thread no {@code RequestDeadlines} watches.
     */
    static boolean headArrived() {
        Watch w = CURRENT.get();
        return w == null || w.headArrived();
    }

    private void run(Watch w, Runnable task) {
        waiting.decrementAndGet();
        w.start(Thread.currentThread());
        active.add(w);
        CURRENT.set(w);
        try {
            task.run();
        } finally {
            CURRENT.remove();
            active.remove(w);
            w.finish();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        List<Reading> readers = new ArrayList<>();
        for (Watch w : active) {
            Watch.Phase phase = w.phase();
            if (phase.state() == Watch.READING && now - phase.since() >= TICK.toNanos()) {
                if (now - w.handed >= headerNanos) {
                    w.close(phase, closedHeads);
                } else if (now - w.handed >= TimeUnit.MILLISECONDS.toNanos(SHED_MILLIS)) {
                    readers.add(new Reading(w, phase));
                }
            } else if (phase.state() == Watch.HANDLING && now - phase.since() >= responseNanos) {
                w.close(phase, closedResponses);
            }
        }
        int shed = Math.min(waiting.get(), readers.size());
        if (shed > 0) {
            readers.sort(Comparator.comparingLong(r -> r.watch().handed));
            for (Reading r : readers.subList(0, shed)) {
                r.watch().close(r.phase(), closedHeads);
            }
        }
    }

    /** A request the watchdog saw reading its head, and the phase it saw: closed only if still in that phase. */
    private record Reading(Watch watch, Watch.Phase phase) {
    }

    /** Marks the head as arrived; closes the connection, answering nothing, when the watchdog was first. */
    private static final class HeadArrived extends Filter {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (!headArrived()) {
                throw new IOException("the request's head came after its deadline: closing the connection");
            }
            chain.doFilter(exchange);
        }

        @Override
        public String description() {
            return "Lucid Metrics: request deadlines (marks the head as arrived)";
        }
    }

    /** Builds {@link RequestDeadlines}; each setting is an explicit call, else the config's, else the default. */
    public static final class Builder {
        private final MetricsConfig.Builder explicit = MetricsConfig.builder();
        private MetricsConfig config = MetricsConfig.empty();

        private Builder() {
        }

        /** Takes {@code METRICS_HEADER_TIMEOUT} and {@code METRICS_RESPONSE_TIMEOUT} where set. */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            return this;
        }

        /** How long a request's line and headers may take from its first byte; default 5 s. */
        public Builder headerTimeout(Duration timeout) {
            explicit.headerTimeout(timeout);
            return this;
        }

        /** How long a response may take from the request's head to its last byte; default 30 s. */
        public Builder responseTimeout(Duration timeout) {
            explicit.responseTimeout(timeout);
            return this;
        }

        /** Starts the watchdog. */
        public RequestDeadlines build() {
            MetricsConfig settings = explicit.build().orElse(config);
            return new RequestDeadlines(settings.headerTimeout().orElse(DEFAULT_HEADER_TIMEOUT),
                    settings.responseTimeout().orElse(DEFAULT_RESPONSE_TIMEOUT));
        }
    }
}
