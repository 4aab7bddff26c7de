package dev.lucidmetrics.clientjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.Scrapes;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import org.junit.jupiter.api.Test;

/** The registry behind an app on this backend is client_java's own, in and out. */
class EscapeHatchTest {

    @Test
    void unwrapHandsOutThePrometheusRegistryBehindTheApp() {
        AppMetrics app = AppMetrics.builder("shop").build();
        PrometheusRegistry registry = app.unwrap(PrometheusRegistry.class);
        Gauge.builder().name("legacy_queue_depth").help("Kept from before.").register(registry).set(4);
        assertTrue(Scrapes.text(app).contains("legacy_queue_depth 4.0"), "served with the app's own");
        assertTrue(registry.scrape(name -> name.equals("shop_build")).size() == 1, "the app's own are in it");
    }

    @Test
    void anAppBuiltOnAnExistingPrometheusRegistryRegistersIntoIt() {
        PrometheusRegistry existing = new PrometheusRegistry();
        AppMetrics app = AppMetrics.builder("shop").registry(existing).build();
        app.counter("orders_total").help("Orders.").register().inc();
        assertSame(existing, app.unwrap(PrometheusRegistry.class));
        CounterSnapshot orders = (CounterSnapshot) existing.scrape(name -> name.equals("shop_orders")).get(0);
        assertEquals(1.0, orders.getDataPoints().get(0).getValue());
    }

    @Test
    void theBackendCanBeNamed() {
        AppMetrics app = AppMetrics.builder("shop").backend("client_java").build();
        assertTrue(app.unwrap(PrometheusRegistry.class) != null);
    }
}
