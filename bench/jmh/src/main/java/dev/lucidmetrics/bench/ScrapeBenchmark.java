package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpHandler;
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
 * One scrape of {@code series} counter series through each implementation's handler ({@link ScrapeTargets} says
 * which), in the text format or OpenMetrics, plain or gzip, on an in-memory exchange. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is the bytes allocated per scrape. Each fork builds only the registry of the method it
 * runs; the library's methods run once per backend ({@link Lucid}). Method names are {@code scrape_<implementation>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScrapeBenchmark {

    @Param({"1000", "10000", "100000"})
    public int series;

    @Param({"plain", "gzip"})
    public String encoding;

    @Param({"text", "openmetrics"})
    public String format;

    HttpHandler handler;
    boolean gzip;
    String accept;

    /** The library's handler on one backend, built over the size and format of the enclosing benchmark. */
    @State(Scope.Benchmark)
    public static class Lucid {
        @Param({BenchApps.SIMPLECLIENT, BenchApps.CLIENT_JAVA})
        public String backend;

        HttpHandler handler;

        @Setup
        public void setUp(ScrapeBenchmark b, BenchmarkParams params) {
            handler = ScrapeTargets.create(ScrapeBenchmark.impl(params), b.series, backend);
        }
    }

    @Setup
    public void setUp(BenchmarkParams params) {
        gzip = switch (encoding) {
            case "plain" -> false;
            case "gzip" -> true;
            default -> throw new IllegalArgumentException("encoding \"" + encoding + "\" is not plain or gzip.");
        };
        accept = ScrapeTargets.accept(format);
        String impl = impl(params);
        handler = impl.startsWith("lucid") ? null : ScrapeTargets.create(impl, series, BenchApps.SIMPLECLIENT);
    }

    static String impl(BenchmarkParams params) {
        String method = params.getBenchmark();
        return method.substring(method.lastIndexOf('_') + 1);
    }

    static long scrape(HttpHandler handler, String accept, boolean gzip) throws IOException {
        InMemoryExchange exchange = new InMemoryExchange("/metrics", accept, gzip, false);
        handler.handle(exchange);
        if (exchange.getResponseCode() != 200) {
            throw new IllegalStateException("scrape answered " + exchange.getResponseCode());
        }
        return exchange.bytes();
    }

    @Benchmark
    public long scrape_lucid(Lucid l) throws IOException {
        return scrape(l.handler, accept, gzip);
    }

    /** The library with simpleclient's {@code _created} series switched back on: the same text as raw. */
    @Benchmark
    public long scrape_lucidcreated(Lucid l) throws IOException {
        return scrape(l.handler, accept, gzip);
    }

    @Benchmark
    public long scrape_raw() throws IOException {
        return scrape(handler, accept, gzip);
    }

    @Benchmark
    public long scrape_clientjava() throws IOException {
        return scrape(handler, accept, gzip);
    }

    @Benchmark
    public long scrape_micrometer() throws IOException {
        return scrape(handler, accept, gzip);
    }
}
