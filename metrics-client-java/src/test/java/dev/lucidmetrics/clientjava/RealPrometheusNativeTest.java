package dev.lucidmetrics.clientjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.support.ScrapeServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Prometheus 2.42 with {@code --enable-feature=native-histograms}, started by the test, scrapes an app whose
 * histogram is classic and native at once: it asks for protobuf, gets it, parses it with its own parser, and answers
 * {@code histogram_count} and {@code histogram_quantile(0.99, ...)} from the native series.
 */
class RealPrometheusNativeTest {

    /** Schema 5: each native bucket's upper bound is 2^(1/32) times its lower one. */
    private static final double BUCKET_RATIO = Math.pow(2, 1.0 / 32);

    @Test
    void prometheusWithNativeHistogramsScrapesProtobufAndAnswersTheNativeQueries(@TempDir Path dir)
            throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        Histogram render = app.histogram("render_duration_seconds").help("Time to render a page.")
                .kind(HistogramKind.BOTH).register();
        for (int i = 1; i <= 100; i++) {
            render.observe(i / 100.0);   // 0.01 ... 1.00: the 99th percentile is 0.99
        }
        Set<String> accepts = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MetricsHandler.builder(app).build().mount(server).getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "records the Accept header of each scrape";
            }
        });
        server.start();
        try (RealPrometheus prometheus = RealPrometheus.scraping(server.getAddress().getPort(), dir,
                "--enable-feature=native-histograms")) {
            assertEquals(100, prometheus.valueOnce("histogram_count(shop_render_duration_seconds)", v -> v > 0));
            double p99 = prometheus.valueOnce("histogram_quantile(0.99, shop_render_duration_seconds)", v -> true);
            assertTrue(p99 > 0.99 / BUCKET_RATIO && p99 < 0.99 * BUCKET_RATIO,
                    "p99 " + p99 + " within one native bucket of 0.99");
            assertEquals(50.5, prometheus.valueOnce("histogram_sum(shop_render_duration_seconds)", v -> true), 1e-9);
            assertEquals(Set.of(ScrapeServer.PROMETHEUS_2_42_NATIVE_ACCEPT), accepts,
                    "the Accept header the kit's negotiation tests quote");
            // 2.42 keeps only the native series of a histogram exposed both ways (why the stack runs a second one)
            assertEquals(1, prometheus.valueOnce("count({__name__=~\"shop_render_duration_seconds.*\"})",
                    v -> true));
        } finally {
            server.stop(0);
        }
    }
}
