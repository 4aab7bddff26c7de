package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import io.prometheus.client.Collector;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Small registries with known values for the exposition tests. */
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

    /** A collector whose every collect() waits until {@code parties} scrapes are inside it at once. */
    static Collector meetingPoint(CyclicBarrier barrier, long timeoutMillis) {
        return new Describing() {
            @Override
            public List<MetricFamilySamples> collect() {
                try {
                    barrier.await(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other scrape never arrived", e);
                }
                return List.of();
            }
        };
    }

    /** A collector that signals {@code entered} and then blocks until {@code release}. */
    static Collector blocking(CountDownLatch entered, CountDownLatch release) {
        return new Describing() {
            @Override
            public List<MetricFamilySamples> collect() {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
    }

    /** Describes itself, so that registering does not call collect(). */
    private abstract static class Describing extends Collector implements Collector.Describable {
        @Override
        public List<MetricFamilySamples> describe() {
            return List.of();
        }
    }
}
