package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a {@link DemoServer} shares its threads so that a scrape or a health check never queues behind the app's
 * pages. The JDK server hands every request to one executor before it has even read the request line, so with a
 * fixed pool of {@code HTTP_THREADS} a scrape waits behind every page ahead of it: under 200 clients the gallery's
 * scrapes took over a second and failed. Instead the executor starts a thread for each request that comes in (up
 * to {@link #maxThreads}, idle ones end after {@link #IDLE_SECONDS} s), and a filter lets only {@code HTTP_THREADS}
 * requests run the app's routes at once, the others waiting their turn in arrival order. The metrics, the graceful
 * stop's guard and {@link DemoServer#HEALTH_PATH} have contexts of their own and do not wait for a turn. The wait is
 * inside the metrics filter, so it is part of each request's duration and of the in-flight gauge.
 */
final class HttpThreads {

    static final int IDLE_SECONDS = 30;

    private HttpThreads() {
    }

    /** Threads for all requests: enough for every request in flight while {@code routeThreads} run the routes. */
    static int maxThreads(int routeThreads) {
        return Math.max(256, 4 * routeThreads);
    }

    static ExecutorService pool(String name, int routeThreads) {
        AtomicInteger n = new AtomicInteger();
        int max = maxThreads(routeThreads);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(max, max, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
                    t.setDaemon(false);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The filter on the app's routes that lets {@code routeThreads} requests through at once. */
    static Turns turns(int routeThreads) {
        return new Turns(routeThreads);
    }

    /** The filter of {@link #turns}; {@link #waiting()} is the queue of requests waiting for a turn. */
    static final class Turns extends Filter {
        private final Semaphore turns;

        Turns(int routeThreads) {
            this.turns = new Semaphore(routeThreads, true);
        }

        /** Requests waiting for a turn right now (an estimate, as {@link Semaphore#getQueueLength()} says). */
        int waiting() {
            return turns.getQueueLength();
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            try {
                turns.acquire();
            } catch (InterruptedException e) {
                // the grace period ended while this request waited: answer it rather than drop the connection
                Thread.currentThread().interrupt();
                exchange.getResponseHeaders().put("Connection", List.of("close"));
                Responses.error(exchange, 503, "The server is stopping; try again.");
                return;
            }
            try {
                chain.doFilter(exchange);
            } finally {
                turns.release();
            }
        }

        @Override
        public String description() {
            return "at most HTTP_THREADS requests on the app's routes at once";
        }
    }
}
