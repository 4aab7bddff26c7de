package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small apps with known values, and scrapes that wait, for the exposition tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** One metric of every kind, with fixed values. */
    static AppMetrics smallApp() {
        AppMetrics app = AppMetrics.builder("shop").version("1.2.3").revision("abc123").build();
        Counter orders = app.counter("orders_total").help("Orders placed.").labelNames("channel").register();
        orders.labels("web").inc(3);
        orders.labels("app").inc();
        app.gauge("in_flight_requests").help("Requests being served.").register().set(2);
        Histogram latency = app.histogram("checkout_duration_seconds").help("Checkout time.").buckets(0.1, 1)
                .register();
        latency.observe(0.05);
        latency.observe(0.5);
        app.summary("basket_size_bytes").help("Basket sizes.").register().observe(512);
        return app;
    }

    /**
     * An app whose scrape is about {@code megabytes} MiB of text: more than loopback's socket buffers hold, so a
     * client that does not read it blocks the server's write.
     */
    static AppMetrics bigApp(int megabytes) {
        AppMetrics app = AppMetrics.builder("big").build();
        String padding = "x".repeat(200);
        int families = Math.max(1, megabytes * 1024 * 1024 / (1000 * 260));
        for (int f = 0; f < families; f++) {
            Counter c = app.counter("family_" + f + "_total").help("Padding.").labelNames("id").register();
            for (int i = 0; i < 1000; i++) {
                c.labels(padding + i).inc();
            }
        }
        return app;
    }

    /**
     * A gauge {@code shop_meeting_point} whose every scrape waits until {@code parties} scrapes are inside it at once;
     * it reads 1 in the scrapes that met, and is left out (its callback failed) of those that did not.
     */
    static void meetingPoint(AppMetrics app, CyclicBarrier barrier, long timeoutMillis) {
        app.gauge("meeting_point").help("1 when scrapes met here.").registerCallback(() -> {
            try {
                barrier.await(timeoutMillis, TimeUnit.MILLISECONDS);
                return 1;
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other scrape never arrived", e);
            }
        });
    }

    /** A gauge whose every scrape signals {@code entered} and then blocks until {@code release}. */
    static void blocking(AppMetrics app, CountDownLatch entered, CountDownLatch release) {
        app.gauge("blocking").help("Blocks scrapes until released.").registerCallback(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }
}
