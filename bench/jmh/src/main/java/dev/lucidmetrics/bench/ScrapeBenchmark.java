package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import io.prometheus.client.exporter.HTTPServer;
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

/**
 * Question 2: one scrape of {@code series} counter series through the library's {@link MetricsHandler} and through
 * simpleclient's own {@code HTTPServer.HTTPMetricHandler}, both over the same registry, plain and gzip. Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per scrape. The library drops simpleclient's
 * {@code _created} series by default (half the text for counters), so {@code scrape_lucidcreated} also renders
 * the library with them switched on, for a same-output comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScrapeBenchmark {

    @Param({"1000", "10000", "100000"})
    public int series;

    @Param({"plain", "gzip"})
    public String encoding;

    HttpHandler lucid;
    HttpHandler lucidCreated;
    HttpHandler raw;
    boolean gzip;

    @Setup
    public void setUp() {
        gzip = switch (encoding) {
            case "plain" -> false;
            case "gzip" -> true;
            default -> throw new IllegalArgumentException("encoding \"" + encoding + "\" is not plain or gzip.");
        };
        AppMetrics app = populated(series);
        lucid = MetricsHandler.builder(app).path("/metrics").build();
        lucidCreated = MetricsHandler.builder(app).path("/metrics").createdSeries(true).build();
        raw = new HTTPServer.HTTPMetricHandler(app.collectorRegistry());
    }

    /** An app whose registry holds one counter with {@code series} label combinations, each incremented once. */
    static AppMetrics populated(int series) {
        AppMetrics app = AppMetrics.builder("bench").build();
        Counter c = app.counter("requests_total").help("Requests by instance and shard.")
                .labelNames("instance", "shard").maxLabelCombinations(series).register();
        for (int i = 0; i < series; i++) {
            c.labels("instance-" + (i / 100), "shard-" + (i % 100)).inc();
        }
        return app;
    }

    static long scrape(HttpHandler handler, boolean gzip) throws IOException {
        InMemoryExchange exchange = new InMemoryExchange("/metrics", gzip);
        handler.handle(exchange);
        if (exchange.getResponseCode() != 200) {
            throw new IllegalStateException("scrape answered " + exchange.getResponseCode());
        }
        return exchange.bytes();
    }

    @Benchmark
    public long scrape_lucid() throws IOException {
        return scrape(lucid, gzip);
    }

    /** The library with simpleclient's {@code _created} series switched back on: the same text as raw, byte for byte. */
    @Benchmark
    public long scrape_lucidcreated() throws IOException {
        return scrape(lucidCreated, gzip);
    }

    @Benchmark
    public long scrape_raw() throws IOException {
        return scrape(raw, gzip);
    }
}
