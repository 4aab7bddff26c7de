package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.support.CompatibilityKit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** No increment is lost when eight threads hammer the same series. */
@CompatibilityKit
class MetricsConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 100_000;

    @Test
    void eightThreadsTimesOneHundredThousandIncrementsAreAllCounted() throws Exception {
        AppMetrics app = AppMetrics.builder("load").build();
        Counter plain = app.counter("events_total").help("Events.").register();
        Counter labelled = app.counter("requests_total").help("Requests.").labelNames("code").register();
        Histogram latency = app.histogram("latency_seconds").help("Latency.").register();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String code = t % 2 == 0 ? "200" : "500";
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        plain.inc();
                        labelled.labels(code).inc();   // looked up each time: exercises the child cache
                        latency.observe(0.01);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long total = (long) THREADS * PER_THREAD;
        assertEquals(total, (long) plain.get());
        assertEquals(total / 2, (long) labelled.labels("200").get());
        assertEquals(total / 2, (long) labelled.labels("500").get());
        assertEquals(total, latency.labels().count());
    }
}
