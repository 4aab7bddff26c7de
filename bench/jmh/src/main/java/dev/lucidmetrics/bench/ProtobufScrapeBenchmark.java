package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.model.HistogramKind;
import java.io.IOException;
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
 * Method names are {@code scrape_<format>}. Run with {@code -prof gc} for the bytes allocated per scrape. No figures
 * of record yet (issue 25): bench/smoke.sh runs it once so that it keeps working.
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

    MetricsHandler handler;
    String accept;

    @Setup
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark();
        accept = switch (method.substring(method.lastIndexOf('_') + 1)) {
            case "text" -> TEXT;
            case "openmetrics" -> OPENMETRICS;
            case "protobuf" -> PROTOBUF;
            default -> throw new IllegalArgumentException("no format for " + method);
        };
        handler = MetricsHandler.builder(app(series)).path("/metrics").build();
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
    public long scrape_text() throws IOException {
        return scrape();
    }

    @Benchmark
    public long scrape_openmetrics() throws IOException {
        return scrape();
    }

    @Benchmark
    public long scrape_protobuf() throws IOException {
        return scrape();
    }
}
