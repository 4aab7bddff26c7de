package dev.lucidmetrics.examples.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Promtool;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example as it runs (Jetty on a free port, its metrics on another): its answers, the lines its README shows,
 * the README's code, and an exposition that passes our naming rules and promtool.
 */
class ShopServerTest {

    @Test
    void theServiceAnswersAndExposesWhatItsReadmeShows() throws Exception {
        try (ShopServer shop = ShopServer.start(0, MetricsConfig.builder().port(0).build())) {
            URI base = URI.create("http://127.0.0.1:" + shop.port());
            assertEquals(201, TestHttp.post(base.resolve("/orders"), "text/plain", "").statusCode());
            assertEquals(200, TestHttp.get(base.resolve("/orders/1")).statusCode());
            assertEquals(404, TestHttp.get(base.resolve("/orders/999")).statusCode());
            assertEquals(400, TestHttp.get(base.resolve("/orders/abc")).statusCode());
            assertEquals(200, TestHttp.get(base.resolve("/health")).statusCode());
            MetricValues values = MetricValues.of(shop.app);
            values.awaitValue(Duration.ofSeconds(10), 1.0, "shop_requests_total", "method", "GET", "route",
                    "/orders/{id}", "code", "400");
            values.awaitValue(Duration.ofSeconds(10), 0.0, "shop_in_flight_requests");
            String scrape = TestHttp.get(shop.metrics().url()).body();
            String shown = scrape.lines().filter(l -> l.startsWith("shop_requests_total")
                    || l.startsWith("shop_log_events_total") || l.startsWith("shop_executor_queued_tasks"))
                    .sorted().collect(Collectors.joining("\n"));
            DocSnippets readme = DocSnippets.ofSources("examples/jetty/README.md",
                    "src/main/java/dev/lucidmetrics/examples/jetty/ShopServer.java");
            readme.assertShows("example");
            readme.assertShowsSamples("the lines after the README's requests", shown);
            assertTrue(values.get("shop_executor_pool_size_threads", "executor", "jetty") > 0);
            Promtool.assertClean(scrape);
            MetricsAssertions.assertNamingClean(shop.app);
        }
    }
}
