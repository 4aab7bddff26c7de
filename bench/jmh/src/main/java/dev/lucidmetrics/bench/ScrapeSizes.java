package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Prints, as CSV, the response size, the Content-Encoding actually answered and the sample-line count of one scrape
 * per implementation ({@link ScrapeTargets}; the library's on each backend), format, encoding and size, so the scrape timings of {@link ScrapeBenchmark}
 * can be read against how much each handler actually sends.
 * Usage: {@code java [-Dimpls=lucid] -cp benchmarks.jar dev.lucidmetrics.bench.ScrapeSizes 1000 10000 100000}
 */
public final class ScrapeSizes {
    /** The implementations to print: all, or those {@code -Dimpls=lucid,raw} names (the growth part: the library). */
    private static final List<String> IMPLS = System.getProperty("impls") == null ? ScrapeTargets.IMPLS
            : List.of(System.getProperty("impls").split(","));

    private ScrapeSizes() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("series,impl,backend,format,encoding,content_type,content_encoding,bytes,sample_lines");
        for (String arg : args) {
            int series = Integer.parseInt(arg);
            for (String impl : IMPLS) {
                for (String backend : impl.startsWith("lucid") ? List.of(BenchApps.SIMPLECLIENT, BenchApps.CLIENT_JAVA)
                        : List.of("")) {
                    HttpHandler handler = ScrapeTargets.create(impl, series,
                            backend.isEmpty() ? BenchApps.SIMPLECLIENT : backend);
                    for (String format : List.of("text", "openmetrics")) {
                        for (boolean gzip : new boolean[] {false, true}) {
                            print(series, impl + "," + backend + "," + format, handler, format, gzip);
                        }
                    }
                }
            }
        }
    }

    private static void print(int series, String what, HttpHandler handler, String format, boolean gzip)
            throws IOException {
        InMemoryExchange exchange = new InMemoryExchange("/metrics", ScrapeTargets.accept(format), gzip, true);
        handler.handle(exchange);
        byte[] body = exchange.body();
        boolean zipped = "gzip".equals(exchange.getResponseHeaders().getFirst("Content-Encoding"));
        byte[] text = body;
        if (zipped) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                text = in.readAllBytes();
            }
        }
        long samples = new String(text, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        String type = exchange.getResponseHeaders().getFirst("Content-Type");
        System.out.println(series + "," + what + "," + (gzip ? "gzip" : "plain") + ",\"" + type + "\","
                + (zipped ? "gzip" : "identity") + "," + body.length + "," + samples);
    }
}
