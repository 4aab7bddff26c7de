package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.model.HistogramKind;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One scrape of {@code series} histogram series of kind {@code BOTH} (classic and native at once) through the
 * library's handler on the client_java backend, in each format a scraper can ask for: the text format and
 * OpenMetrics (classic buckets) and protobuf (native and classic buckets), on an in-memory exchange, plain.
 * Method names are {@code <impl>_<format>}: {@code lucid} is the library's handler, {@code clientjava} raw
 * client_java 1.4.3's registry holding the same histogram, scraped by the writer its {@code ExpositionFormats} finds
 * for the same Accept header, behind the plainest handler ({@link ScrapeTargets#streaming}'s shape: headers, then the
 * writer straight into the body). Micrometer has no native histogram, so it has no row here. Run with
 * {@code -prof gc} for the bytes allocated per scrape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProtobufScrapeBenchmark {

    static final String TEXT = "text/plain;version=0.0.4";
    static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0";
    static final String PROTOBUF = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited";

    @Param({"100", "1000"})
    public int series;

    HttpHandler handler;
    String accept;

    @Setup
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark();
        String[] implAndFormat = method.substring(method.lastIndexOf('.') + 1).split("_");
        accept = switch (implAndFormat[1]) {
            case "text" -> TEXT;
            case "openmetrics" -> OPENMETRICS;
            case "protobuf" -> PROTOBUF;
            default -> throw new IllegalArgumentException("no format for " + method);
        };
        handler = switch (implAndFormat[0]) {
            case "lucid" -> MetricsHandler.builder(app(series)).path("/metrics").build();
            case "clientjava" -> clientjava(series);
            default -> throw new IllegalArgumentException("no implementation for " + method);
        };
    }

    /** An app with one histogram of kind both, {@code series} routes, each with the same spread of observations. */
    static AppMetrics app(int series) {
        AppMetrics app = AppMetrics.builder("bench").backend("client_java").build();
        Histogram h = app.histogram("request_duration_seconds").help("Request durations by route.")
                .labelNames("route").kind(HistogramKind.BOTH).maxLabelCombinations(series).register();
        for (int i = 0; i < series; i++) {
            Histogram.Child route = h.labels("/route/" + i);
            for (double v : NativeObserveBenchmark.VALUES) {
                route.observe(v);
            }
        }
        return app;
    }

    /** Raw client_java's registry with the same histogram (classic and native), routes and observations. */
    static HttpHandler clientjava(int series) {
        PrometheusRegistry registry = new PrometheusRegistry();
        io.prometheus.metrics.core.metrics.Histogram h = io.prometheus.metrics.core.metrics.Histogram.builder()
                .name("bench_request_duration_seconds").help("Request durations by route.").labelNames("route")
                .classicUpperBounds(Meters.BUCKETS).register(registry);
        for (int i = 0; i < series; i++) {
            DistributionDataPoint route = h.labelValues("/route/" + i);
            for (double v : NativeObserveBenchmark.VALUES) {
                route.observe(v);
            }
        }
        ExpositionFormats formats = ExpositionFormats.init();
        return exchange -> {
            try (exchange) {
                ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
                exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    writer.write(out, registry.scrape());
                }
            }
        };
    }

    long scrape() throws IOException {
        InMemoryExchange exchange = new InMemoryExchange("/metrics", false);
        exchange.getRequestHeaders().set("Accept", accept);
        handler.handle(exchange);
        if (exchange.getResponseCode() != 200) {
            throw new IllegalStateException("scrape answered " + exchange.getResponseCode());
        }
        return exchange.bytes();
    }

    @Benchmark
    public long lucid_text() throws IOException {
        return scrape();
    }

    @Benchmark
    public long lucid_openmetrics() throws IOException {
        return scrape();
    }

    @Benchmark
    public long lucid_protobuf() throws IOException {
        return scrape();
    }

    @Benchmark
    public long clientjava_text() throws IOException {
        return scrape();
    }

    @Benchmark
    public long clientjava_openmetrics() throws IOException {
        return scrape();
    }

    @Benchmark
    public long clientjava_protobuf() throws IOException {
        return scrape();
    }
}
