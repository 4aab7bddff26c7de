package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every naming rule the factories enforce, with the exact message the user reads. */
class NamingRulesTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    private static void rejects(String message, Executable registration) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, registration).getMessage());
    }

    @Test
    void camelCaseNamesAreRejectedWithTheSnakeCaseSpelling() {
        rejects("\"shop_ordersPlaced_total\" is not snake_case (lower-case letters, digits and single underscores,"
                + " starting with a letter): rename it to \"shop_orders_placed_total\".",
                () -> app.counter("ordersPlaced_total").help("h").register());
    }

    @Test
    void camelCaseNamespacesAreRejected() {
        rejects("Namespace \"ImageGallery\" is not snake_case (lower-case letters, digits and single underscores,"
                + " starting with a letter): rename it to \"image_gallery\".", () -> AppMetrics.builder("ImageGallery"));
    }

    @Test
    void colonsAreLeftToRecordingRules() {
        rejects("\"shop_orders:rate5m_total\" contains ':', which is reserved for recording rules: use '_' instead, as"
                + " in \"shop_orders_rate5m_total\". \"shop_orders:rate5m_total\" is not snake_case (lower-case"
                + " letters, digits and single underscores, starting with a letter): rename it to"
                + " \"shop_orders_rate5m_total\".", () -> app.counter("orders:rate5m_total").help("h").register());
    }

    @Test
    void emptyNamesAreRejected() {
        rejects("Metric name is empty: give the metric a snake_case name such as \"jobs_processed_total\".",
                () -> app.counter("").help("h").register());
    }

    @Test
    void countersMustEndInTotal() {
        rejects("Counter \"shop_orders_placed\" must end in \"_total\": rename it to \"shop_orders_placed_total\".",
                () -> app.counter("orders_placed").help("h").register());
    }

    @Test
    void gaugesAndHistogramsMustNotEndInTotal() {
        rejects("Gauge \"shop_orders_total\" must not end in \"_total\", which marks counters: drop the suffix"
                + " (\"shop_orders\") or make it a counter.", () -> app.gauge("orders_total").help("h").register());
        rejects("Histogram \"shop_latency_seconds_total\" must not end in \"_total\", which marks counters: drop the"
                + " suffix (\"shop_latency_seconds\") or make it a counter.",
                () -> app.histogram("latency_seconds_total").help("h").register());
    }

    @Test
    void nonBaseUnitsAreRejectedWithTheConvertedName() {
        rejects("\"shop_request_duration_ms\" uses the unit \"ms\": use the base unit \"seconds\" and convert the"
                + " value (for example \"shop_request_duration_seconds\").",
                () -> app.histogram("request_duration_ms").help("h").register());
        rejects("\"shop_cache_age_millis\" uses the unit \"millis\": use the base unit \"seconds\" and convert the"
                + " value (for example \"shop_cache_age_seconds\").",
                () -> app.gauge("cache_age_millis").help("h").register());
        rejects("\"shop_payload_kb\" uses the unit \"kb\": use the base unit \"bytes\" and convert the value (for"
                + " example \"shop_payload_bytes\").", () -> app.gauge("payload_kb").help("h").register());
        rejects("\"shop_heap_megabytes\" uses the unit \"megabytes\": use the base unit \"bytes\" and convert the"
                + " value (for example \"shop_heap_bytes\").", () -> app.gauge("heap_megabytes").help("h").register());
        rejects("\"shop_disk_used_percent\" uses the unit \"percent\": use the base unit \"ratio\" and convert the"
                + " value (for example \"shop_disk_used_ratio\").",
                () -> app.gauge("disk_used_percent").help("h").register());
    }

    @Test
    void unitSuggestionReplacesTheWordNotEveryOccurrenceOfItsLetters() {
        rejects("\"shop_items_ms\" uses the unit \"ms\": use the base unit \"seconds\" and convert the value (for"
                + " example \"shop_items_seconds\").", () -> app.gauge("items_ms").help("h").register());
    }

    @Test
    void typeWordsInNamesAreRejected() {
        rejects("\"shop_orders_counter_total\" names a metric type (\"counter\"): the type is already in the"
                + " exposition; describe what is measured instead.",
                () -> app.counter("orders_counter_total").help("h").register());
        rejects("\"shop_queue_gauge\" names a metric type (\"gauge\"): the type is already in the exposition;"
                + " describe what is measured instead.", () -> app.gauge("queue_gauge").help("h").register());
    }

    @Test
    void reservedSuffixesAreRejected() {
        for (String suffix : new String[] {"bucket", "count", "sum", "created"}) {
            rejects("\"shop_orders_" + suffix + "\" ends in the reserved suffix \"_" + suffix + "\", which Prometheus"
                    + " derives for histograms, summaries and info metrics: choose another last word.",
                    () -> app.gauge("orders_" + suffix).help("h").register());
        }
    }

    @Test
    void infoSuffixOnlyThroughTheInfoFactory() {
        rejects("\"shop_deploy_info\" ends in the reserved suffix \"_info\", which Prometheus derives for histograms,"
                + " summaries and info metrics: choose another last word or use the info metric factory.",
                () -> app.gauge("deploy_info").help("h").register());
        rejects("Info metric \"shop_deploy_facts\" must end in \"_info\": rename it to \"shop_deploy_facts_info\".",
                () -> app.info("deploy_facts").help("h").label("region", "eu").register());
        app.info("deploy_info").help("Where the app runs.").label("region", "eu").register();
        assertEquals(1.0, app.collectorRegistry().getSampleValue("shop_deploy_info", new String[] {"region"},
                new String[] {"eu"}));
    }

    @Test
    void helpIsRequired() {
        String message = "\"shop_orders_total\" has no help text: add .help(\"what it measures, in one sentence\").";
        rejects(message, () -> app.counter("orders_total").register());
        rejects(message, () -> app.counter("orders_total").help("  ").register());
    }

    @Test
    void labelNamesMustBeSnakeCase() {
        rejects("Label name \"paymentMethod\" of \"shop_orders_total\" is not snake_case (lower-case letters,"
                + " digits and single underscores, starting with a letter): rename it to \"payment_method\".", () -> app.counter("orders_total").help("h").labelNames("paymentMethod")
                .register());
        rejects("\"shop_orders_total\" has an empty label name: give every label a snake_case name.",
                () -> app.counter("orders_total").help("h").labelNames("method", null).register());
    }

    @Test
    void reservedLabelNamesAreRejected() {
        rejects("Label name \"le\" of \"shop_orders_total\" is reserved for histogram buckets and summary quantiles:"
                + " choose another name.", () -> app.counter("orders_total").help("h").labelNames("le").register());
        rejects("Label name \"quantile\" of \"shop_order_value_dollars\" is reserved for histogram buckets and"
                + " summary quantiles: choose another name.",
                () -> app.summary("order_value_dollars").help("h").labelNames("quantile").register());
        rejects("Label name \"__name\" of \"shop_orders_total\" starts with \"__\", which is reserved for Prometheus"
                + " internals: drop the leading underscores.",
                () -> app.counter("orders_total").help("h").labelNames("__name").register());
    }

    @Test
    void labelNamesAreBoundedAndUnique() {
        rejects("\"shop_orders_total\" has 11 label names [a, b, c, d, e, f, g, h, i, j, k]; at most 10 are allowed:"
                + " split the metric or move fixed values into an _info metric.",
                () -> app.counter("orders_total").help("h")
                        .labelNames("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k").register());
        rejects("Label name \"method\" of \"shop_orders_total\" is given twice: give each label once.",
                () -> app.counter("orders_total").help("h").labelNames("method", "method").register());
    }

    @Test
    void commonLabelsCannotBeRepeatedPerMetric() {
        AppMetrics withEnv = AppMetrics.builder("shop").commonLabel("env", "prod").build();
        rejects("Label name \"env\" of \"shop_orders_total\" is already a common label of the app: drop it from"
                + " the metric's label names.",
                () -> withEnv.counter("orders_total").help("h").labelNames("env").register());
    }

    @Test
    void oneNameNeverGetsTwoLabelSets() {
        app.counter("orders_total").help("Orders placed.").labelNames("method").register();
        rejects("\"shop_orders_total\" is already registered as a counter with label names [method]; it cannot also"
                + " be a counter with label names [method, code]. One name has one type and one set of label names:"
                + " reuse the existing metric or choose another name.",
                () -> app.counter("orders_total").help("h").labelNames("method", "code").register());
    }

    @Test
    void reRegisteringTheSameMetricReturnsTheFirst() {
        Counter first = app.counter("orders_total").help("Orders placed.").labelNames("method").register();
        Counter second = app.counter("orders_total").help("Orders placed.").labelNames("method").register();
        assertSame(first, second);
        second.labels("card").inc();
        assertEquals(1.0, first.labels("card").get());
    }

    @Test
    void namesClashingInsideSimpleclientAreReportedWithTheCause() {
        app.counter("orders_total").help("Orders placed.").register();
        rejects("\"shop_orders\" clashes with a metric already in the registry (simpleclient says: Failed to register"
                + " Collector of type Gauge: shop_orders is already in use by another Collector of type Counter):"
                + " choose another name.", () -> app.gauge("orders").help("h").register());
    }
}
