package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.testing.Promtool;
import org.junit.jupiter.api.Test;

/** The whole exposition of the metric API's newer pieces, as text and as OpenMetrics, golden. */
@CompatibilityKit
class MetricApiGoldenTest {

    private static AppMetrics everyPiece() {
        AppMetrics app = AppMetrics.builder("shop").version("1.0.0").revision("abc").build();
        app.gauge("queue_depth").help("Jobs waiting.").registerCallback(() -> 3);
        app.counter("cache_evictions_total").help("Evictions counted by the cache.").labelNames("cache")
                .registerCallback(series -> series.report(12, "images"));
        app.info("os_info").help("The OS the app runs on.").labelNames("name", "version").register()
                .set("Debian GNU/Linux", "12");
        Gauge exports = app.gauge("exports_in_progress").help("Exports running now.").register();
        exports.trackInProgress();   // one left open on purpose
        Gauge tenants = app.gauge("tenant_sessions").help("Open sessions by tenant.").labelNames("tenant")
                .register();
        tenants.labels("acme").set(2);
        tenants.labels("left").set(9);
        tenants.remove("left");
        app.counter("orders_total").help("Orders placed.").register()
                .incWithExemplar(1, "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        return app;
    }

    @Test
    void theTextExpositionIsExactlyThis() {
        try (ScrapeServer server = ScrapeServer.serving(everyPiece())) {
            String text = server.text().replace(System.getProperty("java.version"), "JAVA");
            assertEquals("""
                    # HELP shop_build_info Build facts of shop; the value is always 1.
                    # TYPE shop_build_info gauge
                    shop_build_info{version="1.0.0",revision="abc",java_version="JAVA",} 1.0
                    # HELP shop_cache_evictions_total Evictions counted by the cache.
                    # TYPE shop_cache_evictions_total counter
                    shop_cache_evictions_total{cache="images",} 12.0
                    # HELP shop_exports_in_progress Exports running now.
                    # TYPE shop_exports_in_progress gauge
                    shop_exports_in_progress 1.0
                    # HELP shop_orders_total Orders placed.
                    # TYPE shop_orders_total counter
                    shop_orders_total 1.0
                    # HELP shop_os_info The OS the app runs on.
                    # TYPE shop_os_info gauge
                    shop_os_info{name="Debian GNU/Linux",version="12",} 1.0
                    # HELP shop_queue_depth Jobs waiting.
                    # TYPE shop_queue_depth gauge
                    shop_queue_depth 3.0
                    # HELP shop_tenant_sessions Open sessions by tenant.
                    # TYPE shop_tenant_sessions gauge
                    shop_tenant_sessions{tenant="acme",} 2.0
                    """, text);
            Promtool.assertClean(server.text());
        }
    }

    @Test
    void theOpenMetricsExpositionIsExactlyThisUpToTheExemplarTimestamp() {
        try (ScrapeServer server = ScrapeServer.serving(everyPiece())) {
            String om = server.openMetrics().replace(System.getProperty("java.version"), "JAVA")
                    .replaceAll("(# \\{trace_id=\"[0-9a-f]+\"} 1\\.0) [0-9.]+", "$1 TIMESTAMP");
            assertEquals("""
                    # TYPE shop_build_info gauge
                    # HELP shop_build_info Build facts of shop; the value is always 1.
                    shop_build_info{version="1.0.0",revision="abc",java_version="JAVA"} 1.0
                    # TYPE shop_cache_evictions counter
                    # HELP shop_cache_evictions Evictions counted by the cache.
                    shop_cache_evictions_total{cache="images"} 12.0
                    # TYPE shop_exports_in_progress gauge
                    # HELP shop_exports_in_progress Exports running now.
                    shop_exports_in_progress 1.0
                    # TYPE shop_orders counter
                    # HELP shop_orders Orders placed.
                    shop_orders_total 1.0 # {trace_id="4bf92f3577b34da6a3ce929d0e0e4736"} 1.0 TIMESTAMP
                    # TYPE shop_os_info gauge
                    # HELP shop_os_info The OS the app runs on.
                    shop_os_info{name="Debian GNU/Linux",version="12"} 1.0
                    # TYPE shop_queue_depth gauge
                    # HELP shop_queue_depth Jobs waiting.
                    shop_queue_depth 3.0
                    # TYPE shop_tenant_sessions gauge
                    # HELP shop_tenant_sessions Open sessions by tenant.
                    shop_tenant_sessions{tenant="acme"} 2.0
                    # EOF
                    """, om);
        }
    }
}
