package dev.lucidmetrics.reliability;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A well-behaved scraper: a GET of the metrics path every second, each on a new connection (so every scrape needs
 * the server to read a request afresh), each timed; one that takes longer than {@link #TIMEOUT} is given up. A slow
 * scrape never delays the next: each runs on a thread of its own.
 */
final class Scraper implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "clock"));
    private final ExecutorService scrapes = Executors.newCachedThreadPool(r -> daemon(r, "scrape"));
    private final List<Future<Outcome>> started = new ArrayList<>();

    private Scraper(InetSocketAddress target, String path) {
        Request get = Request.get(target.getHostString() + ":" + target.getPort(), path);
        clock.scheduleAtFixedRate(() -> {
            synchronized (started) {
                started.add(scrapes.submit(() -> {
                    try (ClientConnection c = new ClientConnection(target, null, (int) TIMEOUT.toMillis())) {
                        return c.exchange(get, ClientConnection.Classifier.NONE);
                    }
                }));
            }
        }, 0, INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    }

    static Scraper start(InetSocketAddress target, String path) {
        return new Scraper(target, path);
    }

    /** Stops scraping and returns every scrape begun, once each has ended (within {@link #TIMEOUT}). */
    List<Outcome> stop() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        List<Outcome> outcomes = new ArrayList<>();
        synchronized (started) {
            for (Future<Outcome> f : started) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a scrape failed in the runner", e.getCause());
                }
            }
        }
        return outcomes;
    }

    /** Scrapes with a 200 whose response ended within {@code bound} of their start. */
    static long answeredWithin(List<Outcome> outcomes, Duration bound) {
        return outcomes.stream().filter(o -> o.complete() && o.status() == 200
                && o.latencyNanos() <= bound.toNanos()).count();
    }

    /** The size of one scrape's body (a GET of {@code path}, within {@link #TIMEOUT}). */
    static long bodyBytes(InetSocketAddress server, String path) {
        try (ClientConnection c = new ClientConnection(server, null, (int) Scraper.TIMEOUT.toMillis())) {
            Outcome o = c.exchange(Request.get("127.0.0.1:" + server.getPort(), path),
                    (status, body) -> Integer.toString(body.length));
            if (!o.complete() || o.status() != 200) {
                throw new IllegalStateException("a scrape of " + server + path + " before the attack failed: " + o);
            }
            return Long.parseLong(o.marker());
        }
    }

    /** The longest a scrape took to connect and send its request, in milliseconds (a dropped SYN costs 1 s). */
    static long slowestConnectMillis(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::sent).mapToLong(o -> (o.sentNanos() - o.startNanos()) / 1_000_000)
                .max().orElse(0);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        scrapes.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, "scraper-" + name);
        t.setDaemon(true);
        return t;
    }
}
