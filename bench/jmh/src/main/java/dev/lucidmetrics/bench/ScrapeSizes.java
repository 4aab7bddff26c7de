package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Prints, as CSV, the response size, the Content-Encoding actually answered and the sample-line count of one scrape
 * per implementation ({@link ScrapeTargets}), encoding and size, so the scrape timings of {@link ScrapeBenchmark}
 * can be read against how much each handler actually sends.
 * Usage: {@code java -cp benchmarks.jar dev.lucidmetrics.bench.ScrapeSizes 1000 10000 100000}
 */
public final class ScrapeSizes {
    private ScrapeSizes() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("series,impl,encoding,content_encoding,bytes,sample_lines");
        for (String arg : args) {
            int series = Integer.parseInt(arg);
            for (String impl : ScrapeTargets.IMPLS) {
                HttpHandler handler = ScrapeTargets.create(impl, series);
                for (boolean gzip : new boolean[] {false, true}) {
                    print(series, impl, handler, gzip);
                }
            }
        }
    }

    private static void print(int series, String impl, HttpHandler handler, boolean gzip) throws IOException {
        InMemoryExchange exchange = new InMemoryExchange("/metrics", gzip, true);
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
        System.out.println(series + "," + impl + "," + (gzip ? "gzip" : "plain") + ","
                + (zipped ? "gzip" : "identity") + "," + body.length + "," + samples);
    }
}
