package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One scrape handler per implementation over a registry holding one counter with {@code series} label combinations
 * ({@code instance-*} × {@code shard-*}), each incremented once, so every handler renders the same series:
 * <ul>
 *   <li>{@code lucid}: the library's {@link MetricsHandler} (default: no {@code _created} series);</li>
 *   <li>{@code lucidcreated}: the same with {@code createdSeries(true)}, the same text as raw;</li>
 *   <li>{@code raw}: simpleclient's own {@code HTTPServer.HTTPMetricHandler} over the library's registry;</li>
 *   <li>{@code clientjava}: client_java 1.x's {@code PrometheusRegistry.scrape()} written by its
 *       {@code PrometheusTextFormatWriter} (default: no created timestamps);</li>
 *   <li>{@code micrometer}: {@code PrometheusMeterRegistry.scrape(OutputStream, contentType)}.</li>
 * </ul>
 * The two 1.x peers have no handler of their own here, so {@link #streaming} gives them the plainest one: the
 * writer the Accept header asks for (OpenMetrics or text), headers, then the writer straight into the response body,
 * through a {@link GZIPOutputStream} when the client accepts gzip. The library's two run on the backend named; the
 * peers do not depend on it ({@code raw} is simpleclient's handler, so it needs the simpleclient backend).
 */
final class ScrapeTargets {
    static final List<String> IMPLS = List.of("lucid", "lucidcreated", "raw", "clientjava", "micrometer");

    private ScrapeTargets() {
    }

    interface Body {
        void writeTo(ExpositionFormatWriter writer, OutputStream out) throws IOException;
    }

    /** The Accept header of a scrape in {@code format}: "text" (0.0.4) or "openmetrics" (1.0.0). */
    static String accept(String format) {
        return switch (format) {
            case "text" -> "text/plain; version=0.0.4";
            case "openmetrics" -> "application/openmetrics-text; version=1.0.0";
            default -> throw new IllegalArgumentException("format \"" + format + "\" is not text or openmetrics.");
        };
    }

    static HttpHandler create(String impl, int series, String backend) {
        return switch (impl) {
            case "lucid" -> MetricsHandler.builder(lucid(series, backend)).path("/metrics").build();
            case "lucidcreated" -> MetricsHandler.builder(lucid(series, backend)).path("/metrics").createdSeries(true)
                    .build();
            case "raw" -> new HTTPServer.HTTPMetricHandler(lucid(series, BenchApps.SIMPLECLIENT)
                    .unwrap(CollectorRegistry.class));
            case "clientjava" -> clientjava(series);
            case "micrometer" -> micrometer(series);
            default -> throw new IllegalArgumentException("impl \"" + impl + "\" is not one of " + IMPLS + ".");
        };
    }

    /**
     * An app on {@code backend} whose registry holds one counter with {@code series} label combinations, each
     * incremented once (its {@code maxLabelCombinations} raised to {@code series}).
     */
    static AppMetrics lucid(int series, String backend) {
        AppMetrics app = BenchApps.on("bench", backend).build();
        Counter c = app.counter("requests_total").help("Requests by instance and shard.")
                .labelNames("instance", "shard").maxLabelCombinations(series).register();
        for (int i = 0; i < series; i++) {
            c.labels(instance(i), shard(i)).inc();
        }
        return app;
    }

    private static HttpHandler clientjava(int series) {
        PrometheusRegistry registry = new PrometheusRegistry();
        io.prometheus.metrics.core.metrics.Counter c = io.prometheus.metrics.core.metrics.Counter.builder()
                .name("bench_requests_total").help("Requests by instance and shard.").labelNames("instance", "shard")
                .register(registry);
        for (int i = 0; i < series; i++) {
            c.labelValues(instance(i), shard(i)).inc();
        }
        return streaming((writer, out) -> writer.write(out, registry.scrape()));
    }

    private static HttpHandler micrometer(int series) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (int i = 0; i < series; i++) {
            registry.counter("bench.requests", "instance", instance(i), "shard", shard(i)).increment();
        }
        return streaming((writer, out) -> registry.scrape(out, writer.getContentType()));
    }

    static HttpHandler streaming(Body body) {
        ExpositionFormatWriter text = PrometheusTextFormatWriter.create();
        ExpositionFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();
        return exchange -> {
            try (exchange) {
                boolean gzip = acceptsGzip(exchange);
                String accept = exchange.getRequestHeaders().getFirst("Accept");
                ExpositionFormatWriter writer = openMetrics.accepts(accept) ? openMetrics : text;
                exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
                if (gzip) {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                }
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = gzip ? new GZIPOutputStream(exchange.getResponseBody())
                        : exchange.getResponseBody()) {
                    body.writeTo(writer, out);
                }
            }
        };
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        List<String> values = exchange.getRequestHeaders().get("Accept-Encoding");
        return values != null && values.stream().anyMatch(v -> v.contains("gzip"));
    }

    private static String instance(int i) {
        return "instance-" + (i / 100);
    }

    private static String shard(int i) {
        return "shard-" + (i % 100);
    }
}
