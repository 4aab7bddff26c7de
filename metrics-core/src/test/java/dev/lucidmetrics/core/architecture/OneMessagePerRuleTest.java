package dev.lucidmetrics.core.architecture;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.RawMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.naming.NamingLint;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.exposition.MetricsEndpoint;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.exposition.MetricsServer;
import dev.lucidmetrics.core.http.HttpClientMetrics;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.MetricsAssertions;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each rule has one implementation, so the same mistake gets the same message from every entry point that takes
 * the value. Each test makes one mistake through every such entry point and compares the rule's part of the
 * message (what follows the quoted value).
 */
@CompatibilityKit
class OneMessagePerRuleTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    /** The message after the first quoted value: the rule and the fix, without the name of the entry point. */
    private static String rulePart(String message) {
        int open = message.indexOf('"');
        int close = message.indexOf('"', open + 1);
        assertTrue(open >= 0 && close > open, "the message quotes the bad value: " + message);
        return message.substring(close + 1);
    }

    private static void sameRule(String expectedRule, Map<String, Executable> entryPoints) {
        entryPoints.forEach((where, call) -> assertEquals(expectedRule, rulePart(message(call)), where));
    }

    @Test
    void thePathRuleIsWordedOnceForEveryPathSetting() {
        for (String bad : List.of("metrics", "/me trics", "/a//b", "/metrics?x=1")) {
            String expected = rulePart(message(() -> MetricsHandler.builder(app).path(bad)));
            sameRule(expected, Map.of(
                    "MetricsServer.path", () -> MetricsServer.builder(app).path(bad),
                    "METRICS_PATH", () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", bad))),
                    "EnvConfig.path", () -> EnvConfig.of(Map.of("P", bad)).path("P", "/"),
                    "excludePaths", () -> HttpServerMetrics.builder(app).excludePaths(bad),
                    "routes", () -> HttpServerMetrics.builder(app).routes(bad)));
        }
    }

    @Test
    void theBucketRuleIsWordedOnceForEveryHistogram() {
        for (double[] bad : List.of(new double[0], new double[] {1, 0.5}, new double[] {0.1, Double.NaN},
                new double[] {0.1, 0.1})) {
            Function<String, String> afterMetric = m -> m.substring(m.indexOf(" is illegal"));
            String expected = afterMetric.apply(message(() -> app.histogram("x_seconds").buckets(bad)));
            assertEquals(expected, afterMetric.apply(message(() -> HttpServerMetrics.builder(app).durationBuckets(bad)))
                    .replace("durationBuckets(", "buckets("));
            assertEquals(expected, afterMetric.apply(message(() -> HttpClientMetrics.builder(app).durationBuckets(bad)))
                    .replace("durationBuckets(", "buckets("));
        }
    }

    @Test
    void theAtLeastOneRuleIsWordedOnceForEveryCap() {
        Map<String, Executable> caps = Map.of(
                "maxLabelCombinations(0)", () -> app.counter("x_total").maxLabelCombinations(0),
                "maxLabelCombinations(0) ", () -> AppMetrics.builder("other").maxLabelCombinations(0),
                "maxRoutes(0)", () -> HttpServerMetrics.builder(app).maxRoutes(0),
                "maxExceptionClasses(0)", () -> HttpServerMetrics.builder(app).maxExceptionClasses(0),
                "maxTargets(0)", () -> HttpClientMetrics.builder(app).maxTargets(0));
        caps.forEach((call, entry) -> {
            String m = message(entry);
            assertTrue(m.startsWith(call.trim() + " is illegal: it must be at least 1 (default "), m);
        });
    }

    @Test
    void theNullRuleIsWordedOnceForEveryEntryPointThatTakesTheApp() {
        Map<String, Executable> entries = Map.of(
                "HttpServerMetrics", () -> HttpServerMetrics.builder(null),
                "HttpClientMetrics", () -> HttpClientMetrics.builder(null),
                "MetricsHandler", () -> MetricsHandler.builder(null),
                "MetricsServer", () -> MetricsServer.builder(null),
                "JvmMetrics", () -> JvmMetrics.builder().register(null),
                "MetricsEndpoint", () -> MetricsEndpoint.expose(null, null, MetricsConfig.empty()),
                "MetricValues", () -> MetricValues.of(null),
                "MetricsAssertions", () -> MetricsAssertions.assertNamingClean(null));
        entries.forEach((where, entry) -> assertTrue(message(entry).startsWith("app is null: pass the AppMetrics "),
                where + ": " + message(entry)));
    }

    @Test
    void theSnakeCaseRuleIsWordedOnceForNamespacesNamesAndLabels() {
        String rule = " is not snake_case (lower-case letters, digits and single underscores, starting with a letter):"
                + " rename it to \"queue_depth\".";
        assertEquals("Namespace \"queueDepth\"" + rule, message(() -> AppMetrics.builder("queueDepth")));
        assertEquals("\"shop_queueDepth\"" + rule.replace("queue_depth", "shop_queue_depth"),
                message(() -> app.gauge("queueDepth").help("h").register()));
        assertEquals("Label name \"queueDepth\" of \"shop_x\"" + rule,
                message(() -> app.gauge("x").help("h").labelNames("queueDepth").register()));
        assertEquals("Label name \"queueDepth\" of \"shop\"" + rule,
                message(() -> AppMetrics.builder("shop").commonLabel("queueDepth", "v")));
    }

    @Test
    void oneSuffixTableMapsSampleNamesToFamiliesForExpositionLintAndTestKit() throws Exception {
        app.counter("orders_total").help("Orders.").register().inc();
        app.summary("basket_size_bytes").help("Baskets.").register().observe(3);
        RawMetrics.get().register(app, "gauge", "raw_queue_count", "Raw.");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        MetricsHandler.builder(app).build().mount(server);
        server.start();
        try {
            String scrape = TestHttp.get(server.getAddress().getPort(),
                    "/metrics?name[]=shop_orders_total&name[]=shop_basket_size_bytes_count").body();
            assertTrue(TextSamples.contains(scrape, "shop_orders_total 1.0"), scrape);
            assertTrue(TextSamples.contains(scrape, "shop_basket_size_bytes_count 1.0"), scrape);
            assertTrue(TextSamples.contains(scrape, "shop_basket_size_bytes_sum 3.0"), "a sample's name selects its family whole");
        } finally {
            server.stop(0);
        }
        assertEquals(1.0, MetricValues.of(app).get("shop_orders_total"));
        assertEquals(1.0, MetricValues.of(app).get("shop_basket_size_bytes_count"));
        assertEquals(List.of("raw_queue_count"), NamingLint.check(app.snapshot(), app.namespace()).stream().map(NamingLint.Finding::metric)
                .distinct().toList(), "the counter is linted under its queried name and passes");
    }
}
