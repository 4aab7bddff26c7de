package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.JvmMetrics;
import dev.lucidmetrics.core.Summary;
import dev.lucidmetrics.core.support.Binaries;
import dev.lucidmetrics.core.support.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Everything the factories accept passes Debian's {@code promtool check metrics}, as served over HTTP. */
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
            return Http.get(server.port(), "/metrics").body();
        }
    }

    /** Runs promtool on {@code text}; returns exit code and combined output. */
    static String[] promtool(String text) throws Exception {
        Path promtool = Binaries.require("promtool", "prometheus");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = output.get(60, TimeUnit.SECONDS);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void fullExpositionPassesPromtool() throws Exception {
        String text = exposition(everyKind(), false);
        assertTrue(text.contains("jvm_gc_collection_seconds_count"), text);
        assertTrue(text.contains("image_gallery_render_duration_seconds{env=\"test\",quantile=\"0.99\",}"), text);
        String[] result = promtool(text);
        assertEquals("", result[1], "promtool findings");
        assertEquals("0", result[0]);
    }

    @Test
    void fullExpositionWithCreatedSeriesPassesPromtool() throws Exception {
        String[] result = promtool(exposition(everyKind(), true));
        assertEquals("", result[1], "promtool findings");
        assertEquals("0", result[0]);
    }

    @Test
    void promtoolCatchesWhatTheFactoriesRefuse() throws Exception {
        // the control: the same check on a name our rules reject does report it
        String[] result = promtool("# HELP request_duration_ms Latency.\n# TYPE request_duration_ms gauge\n"
                + "request_duration_ms 1\n");
        assertEquals("3", result[0]);
        assertEquals("request_duration_ms metric names should not contain abbreviated units\n", result[1]);
    }
}
