package dev.lucidmetrics.core;

import dev.lucidmetrics.core.naming.NamingLint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.CollectorRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lint reports, as values, what the factories would have refused; metrics made around them included. */
class NamingLintTest {

    @Test
    void metricsFromTheFactoriesHaveNoFindings() {
        AppMetrics app = AppMetrics.builder("shop").version("1.0.0").build();
        app.counter("orders_total").help("Orders.").labelNames("channel").register();
        app.histogram("checkout_duration_seconds").help("Checkout time.").register();
        app.summary("basket_size_bytes").help("Basket sizes.").register();
        assertEquals(List.of(), NamingLint.check(app.snapshot(), app.namespace()));
    }

    @Test
    void rawSimpleclientMetricsAreReportedOneFindingPerBrokenRule() {
        AppMetrics app = AppMetrics.builder("shop").build();
        CollectorRegistry registry = app.collectorRegistry();   // the escape hatch: collectors made around the factories
        io.prometheus.client.Gauge.build().name("cacheSizeKb").help("Cache size.").register(registry);
        io.prometheus.client.Counter.build().name("jobs_ms").help(" ").labelNames("le").register(registry);
        io.prometheus.client.Gauge.build().name("queue_count").help("Queue.").labelNames("le").register(registry)
                .labels("x").set(1);
        List<String> findings = NamingLint.check(app.snapshot(), app.namespace()).stream().map(NamingLint.Finding::toString).toList();
        assertEquals(List.of(
                "cacheSizeKb: \"cacheSizeKb\" is not snake_case (lower-case letters, digits and single underscores,"
                        + " starting with a letter): rename it to \"cache_size_bytes\".",
                "cacheSizeKb: \"cache_size_kb\" uses the unit \"kb\": use the base unit \"bytes\" and convert the"
                        + " value (for example \"cache_size_bytes\").",
                "jobs_ms_total: \"jobs_ms_total\" uses the unit \"ms\": use the base unit \"seconds\" and convert the"
                        + " value (for example \"jobs_seconds_total\").",
                "jobs_ms_total: \"jobs_ms_total\" has no help text: add .help(\"what it measures, in one sentence\").",
                "queue_count: \"queue_count\" ends in the reserved suffix \"_count\", which histograms and summaries"
                        + " derive for their own series: choose another last word.",
                "queue_count: Label name \"le\" of \"queue_count\" is reserved for histogram buckets and summary"
                        + " quantiles: choose another name."), findings);
    }
}
