package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.TextSamples;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Callback gauges and counters are read at each scrape; a failing callback costs its series, never the scrape. */
@CompatibilityKit
class CallbackTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    /** The sample lines of {@code family}, in the canonical form every backend's text reads as. */
    private static List<String> lines(String scrape, String family) {
        return TextSamples.lines(scrape, family);
    }

    @Test
    void aCallbackGaugeIsReadAtEachScrape() {
        AtomicInteger depth = new AtomicInteger(3);
        Callback callback = app.gauge("queue_depth").help("Jobs waiting.").registerCallback(depth::get);
        assertEquals("shop_queue_depth", callback.name());
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(List.of("shop_queue_depth 3.0"), lines(server.text(), "shop_queue_depth"));
            depth.set(7);
            assertEquals(List.of("shop_queue_depth 7.0"), lines(server.text(), "shop_queue_depth"));
        }
    }

    @Test
    void aLabelledCallbackReportsEverySeriesOfTheScrape() {
        AtomicInteger active = new AtomicInteger(2);
        app.gauge("pool_connections").help("Connections by state.").labelNames("state")
                .registerCallback(series -> {
                    series.report(active.get(), "active");
                    series.report(10 - active.get(), "idle");
                });
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(List.of("shop_pool_connections{state=\"active\"} 2.0",
                    "shop_pool_connections{state=\"idle\"} 8.0"), lines(server.text(), "shop_pool_connections"));
            active.set(5);
            assertEquals(List.of("shop_pool_connections{state=\"active\"} 5.0",
                    "shop_pool_connections{state=\"idle\"} 5.0"), lines(server.text(), "shop_pool_connections"));
        }
    }

    @Test
    void aCallbackCounterIsExposedAsACounterWithTotal() {
        AtomicInteger evictions = new AtomicInteger(4);
        app.counter("cache_evictions_total").help("Cache evictions, kept by the cache.")
                .registerCallback(evictions::get);
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            String text = server.text();
            assertTrue(text.contains("# TYPE shop_cache_evictions_total counter\nshop_cache_evictions_total 4.0\n"),
                    text);
            String om = server.openMetrics();
            assertTrue(om.contains("# TYPE shop_cache_evictions counter\n"), om);
            assertTrue(om.contains("\nshop_cache_evictions_total 4.0\n"), om);
        }
    }

    @Test
    void aThrowingCallbackLeavesItsSeriesOutWarnsOnceAndTheScrapeStillAnswers() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>(new IllegalStateException("pool closed"));
        app.gauge("pool_size").help("Pool size.").registerCallback(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return 4;
        });
        app.gauge("other").help("Another gauge.").register().set(1);
        try (LogCapture log = new LogCapture(Callback.class); ScrapeServer server = ScrapeServer.serving(app)) {
            String first = server.text();
            assertEquals(List.of(), lines(first, "shop_pool_size "), "the series is left out");
            assertTrue(first.contains("shop_other 1.0"), "the rest of the scrape is there: " + first);
            server.text();
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).startsWith("The callback of \"shop_pool_size\" threw"
                    + " java.lang.IllegalStateException: pool closed; its series are left out"), log.warnings().get(0));
            failure.set(null);
            assertEquals(List.of("shop_pool_size 4.0"), lines(server.text(), "shop_pool_size "));
        }
    }

    @Test
    void aCounterCallbackThatGoesNegativeOrNaNIsLeftOut() {
        AtomicReference<Double> value = new AtomicReference<>(-1.0);
        app.counter("jobs_total").help("Jobs.").registerCallback(value::get);
        try (LogCapture log = new LogCapture(Callback.class); ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(List.of(), lines(server.text(), "shop_jobs_total "));
            value.set(Double.NaN);
            assertEquals(List.of(), lines(server.text(), "shop_jobs_total "));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            value.set(3.0);
            assertEquals(List.of("shop_jobs_total 3.0"), lines(server.text(), "shop_jobs_total "));
        }
    }

    @Test
    void duplicateCombinationsKeepTheFirstAndTheCapBoundsTheSeries() {
        app.gauge("partition_lag").help("Lag by partition.").labelNames("partition").maxLabelCombinations(2)
                .registerCallback(series -> {
                    series.report(1, "a");
                    series.report(9, "a");
                    series.report(2, "b");
                    series.report(3, "c");
                });
        try (LogCapture log = new LogCapture(Callback.class); ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(List.of("shop_partition_lag{partition=\"a\"} 1.0", "shop_partition_lag{partition=\"b\"} 2.0"),
                    lines(server.text(), "shop_partition_lag"));
            assertEquals(1, log.warnings().size(), "one warning for the kind of problem: " + log.warnings());
        }
    }

    @Test
    void commonLabelsAreAddedToCallbackSeries() {
        AppMetrics withRegion = AppMetrics.builder("shop").commonLabel("region", "eu").build();
        withRegion.gauge("queue_depth").help("Jobs waiting.").registerCallback(() -> 1);
        try (ScrapeServer server = ScrapeServer.serving(withRegion)) {
            assertEquals(List.of("shop_queue_depth{region=\"eu\"} 1.0"), lines(server.text(), "shop_queue_depth"));
        }
    }

    @Test
    void aCallbackNameIsRegisteredOnceAndFollowsTheNamingRules() {
        app.gauge("queue_depth").help("Jobs waiting.").registerCallback(() -> 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.gauge("queue_depth").help("Jobs waiting.")
                .registerCallback(() -> 2)).getMessage().startsWith("\"shop_queue_depth\" is already registered with"
                + " a callback: a callback metric has its name to itself"));
        assertThrows(IllegalArgumentException.class, () -> app.gauge("queue_depth").help("Jobs waiting.").register());
        app.gauge("plain").help("Plain.").register();
        assertThrows(IllegalArgumentException.class, () -> app.gauge("plain").help("Plain.").registerCallback(() -> 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> app.counter("jobs").help("Jobs.")
                .registerCallback(() -> 1)).getMessage().startsWith("Counter \"shop_jobs\" must end in \"_total\""));
        assertEquals("\"shop_pools\" has label names [state]: register a Callback.Reporter that reports each series"
                + " with its label values instead of one value.", assertThrows(IllegalArgumentException.class,
                        () -> app.gauge("pools").help("Pools.").labelNames("state").registerCallback(() -> 1))
                .getMessage());
    }

    @Test
    void aReporterThatGivesTheWrongLabelCountLosesItsSeriesNotTheScrape() {
        app.gauge("pools").help("Pools.").labelNames("state")
                .registerCallback(series -> series.report(1, "active", "extra"));
        try (LogCapture log = new LogCapture(Callback.class); ScrapeServer server = ScrapeServer.serving(app)) {
            assertFalse(server.text().contains("shop_pools{"));
            assertTrue(log.warnings().get(0).contains("\"shop_pools\" takes 1 non-null label values but its callback"
                    + " reported [active, extra]"), log.warnings().get(0));
        }
    }
}
