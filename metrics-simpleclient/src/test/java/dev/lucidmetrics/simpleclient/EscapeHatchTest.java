package dev.lucidmetrics.simpleclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.Scrapes;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import org.junit.jupiter.api.Test;

/** The registry behind an app on this backend is simpleclient's own, in and out. */
class EscapeHatchTest {

    @Test
    void unwrapHandsOutTheCollectorRegistryBehindTheApp() {
        AppMetrics app = AppMetrics.builder("shop").build();
        CollectorRegistry registry = app.unwrap(CollectorRegistry.class);
        Gauge.build().name("legacy_queue_depth").help("Kept from before.").register(registry).set(4);
        assertTrue(Scrapes.text(app).contains("legacy_queue_depth 4.0"), "served with the app's own");
        assertEquals(1.0, registry.getSampleValue("shop_build_info", new String[] {"version", "revision",
                "java_version"}, new String[] {"unknown", "unknown", System.getProperty("java.version")}));
    }

    @Test
    void anAppBuiltOnAnExistingCollectorRegistryRegistersIntoIt() {
        CollectorRegistry existing = new CollectorRegistry(true);
        AppMetrics app = AppMetrics.builder("shop").registry(existing).build();
        app.counter("orders_total").help("Orders.").register().inc();
        assertSame(existing, app.unwrap(CollectorRegistry.class));
        assertEquals(1.0, existing.getSampleValue("shop_orders_total"));
    }

    @Test
    void theBackendCanBeNamedAndIsTheDefaultOne() {
        AppMetrics app = AppMetrics.builder("shop").backend("simpleclient").build();
        assertTrue(app.unwrap(CollectorRegistry.class) != null);
    }
}
