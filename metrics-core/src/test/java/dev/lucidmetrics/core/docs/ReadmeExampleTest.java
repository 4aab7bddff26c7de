package dev.lucidmetrics.core.docs;

import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.TextSamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.Timer;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The usage example of the root README, compiled and run: the README quotes the code between the EXAMPLE markers
 * and the exposition this test produces, and the test fails when either drifts.
 */
@CompatibilityKit
class ReadmeExampleTest {

    private static final Path README = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."),
            "README.md");

    @Test
    void readmeExampleProducesTheExpositionTheReadmeShows() throws Exception {
        Queue<String> queue = new ConcurrentLinkedQueue<>(List.of("order-1", "order-2"));
        // EXAMPLE START
        AppMetrics app = AppMetrics.builder("shop").version("1.0.0").build();
        Counter orders = app.counter("orders_total").help("Orders placed, by payment method.")
                .labelNames("payment").register();
        Histogram checkout = app.histogram("checkout_duration_seconds").help("Time to check out.")
                .buckets(0.1, 0.5, 1).register();
        app.gauge("queue_depth").help("Orders waiting to ship.").registerCallback(queue::size);  // read per scrape

        HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
        HttpServerMetrics.builder(app).routes("/orders/{id}").register()
                .instrument(server.createContext("/orders", exchange -> {
                    try (Timer t = checkout.startTimer()) {
                        orders.labels("card").inc();
                        ok(exchange);
                    }
                }));
        MetricsHandler.builder(app).build().mount(server);       // GET /metrics, exact path
        server.start();
        // EXAMPLE END
        try {
            int port = server.getAddress().getPort();
            assertEquals(204, TestHttp.get(port, "/orders/42").statusCode());
            MetricValues.of(app).awaitValue(Duration.ofSeconds(5), 1.0, "shop_requests_total",
                    "method", "GET", "route", "/orders/{id}", "code", "204");
            String body = TestHttp.get(port, "/metrics?name[]=shop_orders_total&name[]=shop_requests_total"
                    + "&name[]=shop_build_info&name[]=shop_queue_depth").body()
                    .replace(System.getProperty("java.version"), "17.0.15");
            String expected = String.join("\n",
                    "# HELP shop_build_info Build facts of shop; the value is always 1.",
                    "# TYPE shop_build_info gauge",
                    "shop_build_info{version=\"1.0.0\",revision=\"unknown\",java_version=\"17.0.15\",} 1.0",
                    "# HELP shop_orders_total Orders placed, by payment method.",
                    "# TYPE shop_orders_total counter",
                    "shop_orders_total{payment=\"card\",} 1.0",
                    "# HELP shop_queue_depth Orders waiting to ship.",
                    "# TYPE shop_queue_depth gauge",
                    "shop_queue_depth 2.0",
                    "# HELP shop_requests_total HTTP requests completed, by method, route template and status code.",
                    "# TYPE shop_requests_total counter",
                    "shop_requests_total{method=\"GET\",route=\"/orders/{id}\",code=\"204\",} 1.0",
                    "");
            // the README shows the default backend's bytes; every backend exposes the same samples
            assertEquals(TextSamples.canonical(expected), TextSamples.canonical(body));
            String readme = Files.readString(README);
            assertTrue(readme.contains(expected), "README.md must show this exposition:\n" + expected);
            for (String line : exampleLines()) {
                assertTrue(readme.contains(line), "README.md must show the example line: " + line);
            }
        } finally {
            server.stop(0);
        }
    }

    private static void ok(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static List<String> exampleLines() throws IOException {
        Path source = DocSnippets.testSource(ReadmeExampleTest.class);
        String text = Files.readString(source);
        String example = text.substring(text.indexOf("// EXAMPLE START") + "// EXAMPLE START".length(),
                text.indexOf("// EXAMPLE END"));
        return example.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
