package dev.lucidmetrics.core;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.RawMetrics;
import dev.lucidmetrics.core.naming.NamingLint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lint reports, as values, what the factories would have refused; metrics made around them included. */
@CompatibilityKit
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
    void metricsMadeAroundTheFactoriesAreReportedOneFindingPerBrokenRule() {
        AppMetrics app = AppMetrics.builder("shop").build();
        RawMetrics raw = RawMetrics.get();   // the escape hatch: metrics of the backend's own client, in the app's registry
        raw.register(app, "gauge", "cacheSizeKb", "Cache size.");
        raw.register(app, "counter", "jobs_ms", " ", "le");
        raw.register(app, "gauge", "queue_count", "Queue.", "le");
        List<String> findings = NamingLint.check(app.snapshot(), app.namespace()).stream().map(NamingLint.Finding::toString).toList();
        assertEquals(List.of(
                "cacheSizeKb: \"cacheSizeKb\" is not snake_case (lower-case letters, digits and single underscores,"
                        + " starting with a letter): rename it to \"cache_size_bytes\".",
                "cacheSizeKb: \"cache_size_kb\" uses the unit \"kb\": use the base unit \"bytes\" and convert the"
                        + " value (for example \"cache_size_bytes\").",
                "jobs_ms_total: \"jobs_ms_total\" uses the unit \"ms\": use the base unit \"seconds\" and convert the"
                        + " value (for example \"jobs_seconds_total\").",
                "jobs_ms_total: \"jobs_ms_total\" has no help text: add .help(\"what it measures, in one sentence\").",
                "jobs_ms_total: Label name \"le\" of \"jobs_ms_total\" is reserved for histogram buckets and summary"
                        + " quantiles: choose another name.",
                "queue_count: \"queue_count\" ends in the reserved suffix \"_count\", which histograms and summaries"
                        + " derive for their own series: choose another last word.",
                "queue_count: Label name \"le\" of \"queue_count\" is reserved for histogram buckets and summary"
                        + " quantiles: choose another name."), findings);
    }
}
