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
 * which), plain and gzip, on an in-memory exchange. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the
 * bytes allocated per scrape. Each fork builds only the registry of the method it runs. Method names are
 * {@code scrape_<implementation>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScrapeBenchmark {

    @Param({"1000", "10000", "100000"})
    public int series;

    @Param({"plain", "gzip"})
    public String encoding;

    HttpHandler handler;
    boolean gzip;

    @Setup
    public void setUp(BenchmarkParams params) {
        gzip = switch (encoding) {
            case "plain" -> false;
            case "gzip" -> true;
            default -> throw new IllegalArgumentException("encoding \"" + encoding + "\" is not plain or gzip.");
        };
        String method = params.getBenchmark();
        handler = ScrapeTargets.create(method.substring(method.lastIndexOf('_') + 1), series);
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
        return scrape(handler, gzip);
    }

    /** The library with simpleclient's {@code _created} series switched back on: the same text as raw. */
    @Benchmark
    public long scrape_lucidcreated() throws IOException {
        return scrape(handler, gzip);
    }

    @Benchmark
    public long scrape_raw() throws IOException {
        return scrape(handler, gzip);
    }

    @Benchmark
    public long scrape_clientjava() throws IOException {
        return scrape(handler, gzip);
    }

    @Benchmark
    public long scrape_micrometer() throws IOException {
        return scrape(handler, gzip);
    }
}
