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
 * The two 1.x peers have no handler of their own here, so {@link #streaming} gives them the plainest one: headers,
 * then the writer straight into the response body, through a {@link GZIPOutputStream} when the client accepts gzip.
 */
final class ScrapeTargets {
    static final List<String> IMPLS = List.of("lucid", "lucidcreated", "raw", "clientjava", "micrometer");

    private ScrapeTargets() {
    }

    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    static HttpHandler create(String impl, int series) {
        return switch (impl) {
            case "lucid" -> MetricsHandler.builder(lucid(series)).path("/metrics").build();
            case "lucidcreated" -> MetricsHandler.builder(lucid(series)).path("/metrics").createdSeries(true).build();
            case "raw" -> new HTTPServer.HTTPMetricHandler(lucid(series).unwrap(CollectorRegistry.class));
            case "clientjava" -> clientjava(series);
            case "micrometer" -> micrometer(series);
            default -> throw new IllegalArgumentException("impl \"" + impl + "\" is not one of " + IMPLS + ".");
        };
    }

    /** An app whose registry holds one counter with {@code series} label combinations, each incremented once. */
    static AppMetrics lucid(int series) {
        AppMetrics app = AppMetrics.builder("bench").backend("simpleclient").build();
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
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        return streaming(writer.getContentType(), out -> writer.write(out, registry.scrape()));
    }

    private static HttpHandler micrometer(int series) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (int i = 0; i < series; i++) {
            registry.counter("bench.requests", "instance", instance(i), "shard", shard(i)).increment();
        }
        String type = PrometheusTextFormatWriter.CONTENT_TYPE;
        return streaming(type, out -> registry.scrape(out, type));
    }

    static HttpHandler streaming(String contentType, Body body) {
        return exchange -> {
            try (exchange) {
                boolean gzip = acceptsGzip(exchange);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                if (gzip) {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                }
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = gzip ? new GZIPOutputStream(exchange.getResponseBody())
                        : exchange.getResponseBody()) {
                    body.writeTo(out);
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
