package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.IndependentParser;
import dev.lucidmetrics.core.support.KitBackend;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.testing.Promtool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole exposition of the metric API's newer pieces, as text and as OpenMetrics: golden per backend (each
 * writer's exact bytes), and the same samples on every backend as on the default one.
 */
@CompatibilityKit
class MetricApiGoldenTest {

    private static AppMetrics everyPiece() {
        AppMetrics app = AppMetrics.builder("shop").version("1.0.0").revision("abc").build();
        app.gauge("queue_depth").help("Jobs waiting.").registerCallback(() -> 3);
        app.counter("cache_evictions_total").help("Evictions counted by the cache.").labelNames("cache")
                .registerCallback(series -> series.report(12, "images"));
        app.info("os_info").help("The OS the app runs on.").labelNames("name", "version").register()
                .set("Debian GNU/Linux", "12");
        Gauge exports = app.gauge("exports_in_progress").help("Exports running now.").register();
        exports.trackInProgress();   // one left open on purpose
        Gauge tenants = app.gauge("tenant_sessions").help("Open sessions by tenant.").labelNames("tenant")
                .register();
        tenants.labels("acme").set(2);
        tenants.labels("left").set(9);
        tenants.remove("left");
        app.counter("orders_total").help("Orders placed.").register()
                .incWithExemplar(1, "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        return app;
    }

    @Test
    void theTextExpositionIsExactlyThis() {
        try (ScrapeServer server = ScrapeServer.serving(everyPiece())) {
            String text = server.text().replace(System.getProperty("java.version"), "JAVA");
            assertEquals(golden(KitBackend.name(), "metric-api.txt"), text, "this backend's writer, byte for byte");
            assertEquals(TextSamples.canonical(golden(KitBackend.REFERENCE, "metric-api.txt")),
                    TextSamples.canonical(text), "the same samples as on the default backend");
            Promtool.assertClean(server.text());
        }
    }

    @Test
    void theOpenMetricsExpositionIsExactlyThisUpToTheExemplarTimestamp() {
        try (ScrapeServer server = ScrapeServer.serving(everyPiece())) {
            String raw = server.openMetrics().replace(System.getProperty("java.version"), "JAVA");
            String om = raw.replaceAll("(# \\{trace_id=\"[0-9a-f]+\"} 1\\.0) [0-9.]+", "$1 TIMESTAMP");
            assertEquals(golden(KitBackend.name(), "metric-api.openmetrics.txt"), om,
                    "this backend's writer, byte for byte");
            assertEquals(samples(golden(KitBackend.REFERENCE, "metric-api.openmetrics.txt")
                    .replace("TIMESTAMP", "1764582000.000")), samples(raw),
                    "the same samples and exemplar as on the default backend, as an independent parser reads them");
        }
    }

    /**
     * The exposition a backend's writer gives for {@link #everyPiece()}: {@code golden/BACKEND/FILE} beside this
     * class. Writers differ in bytes (simpleclient writes {@code {a="b",}} and {@code 1.0}, client_java sorts labels
     * and writes whole counts without a fraction); what they mean is compared with the default backend's.
     */
    private static String golden(String backend, String file) {
        String path = "golden/" + backend + "/" + file;
        try (InputStream in = MetricApiGoldenTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError(path + " is missing beside " + MetricApiGoldenTest.class.getName()
                        + ": every backend the kit runs on has its golden exposition there");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each sample's name, labels (sorted), value and exemplar labels, as the Python OpenMetrics parser reads them. */
    private static List<String> samples(String openMetrics) {
        return IndependentParser.samples(openMetrics).stream().map(s -> s.get("name").asText() + " "
                + new TreeMap<>(JSON.convertValue(s.get("labels"), Map.class)) + " " + s.get("value").asDouble() + " "
                + (s.get("exemplar").isNull() ? "" : JSON.convertValue(s.get("exemplar").get("labels"), Map.class)))
                .sorted().toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
