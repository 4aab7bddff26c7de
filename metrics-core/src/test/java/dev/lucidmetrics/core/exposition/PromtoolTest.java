package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.Summary;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.Promtool;
import org.junit.jupiter.api.Test;

/** Everything the factories accept passes Debian's {@code promtool check metrics}, as served over HTTP. */
@CompatibilityKit
class PromtoolTest {

    /** Metrics of every kind the library makes, labelled and not, with JVM metrics. */
    static AppMetrics everyKind() {
        AppMetrics app = AppMetrics.builder("image_gallery").version("1.0.0").revision("abc")
                .commonLabel("env", "test").build();
        Counter requests = app.counter("requests_total").help("HTTP requests completed.").labelNames("method", "code")
                .register();
        requests.labels("GET", "200").inc(5);
        requests.labels("GET", "500").inc();
        app.counter("image_loads_total").help("Images loaded.").register().inc();
        app.gauge("in_flight_requests").help("Requests being served.").register().set(1);
        Histogram duration = app.histogram("request_duration_seconds").help("Request duration.")
                .labelNames("route").register();
        duration.labels("/images/{id}").observe(0.042);
        Summary size = app.summary("response_size_bytes").help("Response sizes.").labelNames("route").register();
        size.labels("/").observe(2048);
        app.summary("render_duration_seconds").help("Render time with quantiles.").quantile(0.5, 0.05)
                .quantile(0.99, 0.001).register().observe(0.01);
        app.info("deployment_info").help("Where the app runs.").label("region", "eu-west").register();
        JvmMetrics.builder().register(app);
        return app;
    }

    private static String exposition(AppMetrics app, boolean createdSeries) {
        try (MetricsServer server = MetricsServer.builder(app).host("127.0.0.1").port(0)
                .createdSeries(createdSeries).start()) {
            return TestHttp.get(server.port(), "/metrics").body();
        }
    }

    @Test
    void fullExpositionPassesPromtool() throws Exception {
        String text = exposition(everyKind(), false);
        assertTrue(text.contains("jvm_gc_collection_seconds_count"), text);
        assertTrue(TextSamples.contains(text, "image_gallery_render_duration_seconds{env=\"test\",quantile=\"0.99\",}"), text);
        Promtool.assertClean(text);
    }

    @Test
    void fullExpositionWithCreatedSeriesPassesPromtool() throws Exception {
        Promtool.assertClean(exposition(everyKind(), true));
    }

    @Test
    void promtoolCatchesWhatTheFactoriesRefuse() throws Exception {
        // the control: the same check on a name our rules reject does report it
        Promtool.Result result = Promtool.checkMetrics("# HELP request_duration_ms Latency.\n"
                + "# TYPE request_duration_ms gauge\nrequest_duration_ms 1\n");
        assertEquals(3, result.exitCode());
        assertEquals("request_duration_ms metric names should not contain abbreviated units", result.output());
    }
}
