package dev.lucidmetrics.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@CompatibilityKit
class MetricValuesTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final Counter requests = app.counter("requests_total").help("Requests.").labelNames("code").register();
    private final MetricValues values = MetricValues.of(app);

    @Test
    void awaitValueReturnsOnceAnotherThreadGetsThereEvenForASeriesThatDoesNotExistYet() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        Thread server = new Thread(() -> {
            try {
                if (waiting.await(10, TimeUnit.SECONDS)) {
                    requests.labels("201").inc();
                    requests.labels("201").inc();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        assertTrue(!values.exists("shop_requests_total", "code", "201"));
        waiting.countDown();
        values.awaitValue(Duration.ofSeconds(10), 2.0, "shop_requests_total", "code", "201");
        assertEquals(2.0, values.get("shop_requests_total", "code", "201"));
        server.join(10_000);
    }

    @Test
    void awaitValueReturnsAtOnceWhenTheValueIsAlreadyThere() {
        requests.labels("200").inc();
        values.awaitValue(Duration.ZERO, 1.0, "shop_requests_total", "code", "200");
    }

    @Test
    void awaitValueTimesOutQuotingTheLastValueAndTheLabelSets() {
        requests.labels("200").inc(2);
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> values.awaitValue(Duration.ofMillis(50), 3.0,
                "shop_requests_total", "code", "200"));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos(), "gave up before the timeout");
        assertEquals("shop_requests_total{code=200}: expected 3.0 within PT0.05S; last saw 2.0; the registry has 1"
                + " with labels [{code=200}].", e.getMessage());
    }

    @Test
    void awaitValueOfAMissingSeriesSaysSoAndNamesTheOnesThatExist() {
        requests.labels("200").inc();
        AssertionError e = assertThrows(AssertionError.class, () -> values.awaitValue(Duration.ofMillis(20), 1.0,
                "shop_requests_total", "code", "500"));
        assertEquals("shop_requests_total{code=500}: expected 1.0 within PT0.02S; last saw no such sample; the"
                + " registry has 1 with labels [{code=200}].", e.getMessage());
        e = assertThrows(AssertionError.class, () -> values.awaitValue(Duration.ZERO, 1.0, "shop_nothing_total"));
        assertEquals("shop_nothing_total{}: expected 1.0 within PT0S; last saw no such sample; the registry has no"
                + " sample of that name.", e.getMessage());
    }

    @Test
    void awaitValueRefusesANegativeTimeoutAndOddLabelPairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> values.awaitValue(Duration.ofSeconds(-1), 1.0, "shop_requests_total"));
        assertEquals("timeout PT-1S is illegal: pass a Duration of zero or more, such as"
                + " Duration.ofSeconds(5).", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> values.awaitValue(Duration.ofSeconds(1), 1.0, "shop_requests_total", "code"));
    }

    @Test
    void getOfAMissingSeriesNamesTheOnesThatExist() {
        requests.labels("200").inc();
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> values.get("shop_requests_total", "code", "404"));
        assertEquals("No sample shop_requests_total{code=404}; the registry has 1 with labels [{code=200}].",
                e.getMessage());
    }
}
