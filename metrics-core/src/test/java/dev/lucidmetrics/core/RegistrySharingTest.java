package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import org.junit.jupiter.api.Test;

/** The escape hatch both ways, and apps that share one registry of the backend. */
@CompatibilityKit
class RegistrySharingTest {

    @Test
    void aSecondBuildOnASharedRegistryReplacesTheBuildFactsInsteadOfFailing() {
        AppMetrics first = AppMetrics.builder("shop").version("1.0.0").build();
        Object registry = first.unwrap(Object.class);
        AppMetrics second = AppMetrics.builder("shop").version("2.0.0").registry(registry).build();
        MetricValues values = MetricValues.of(second);
        assertEquals(1, values.seriesCount("shop_build_info"), "one series of build facts, never two");
        assertEquals(java.util.List.of("2.0.0"), values.labelValues("shop_build_info", "version"));
    }

    @Test
    void appsOnOneRegistryShareTheirMetricsAndScrapesShowBoth() {
        AppMetrics first = AppMetrics.builder("shop").build();
        AppMetrics second = AppMetrics.builder("shop").registry(first.unwrap(Object.class)).build();
        Counter a = first.counter("orders_total").help("Orders.").register();
        Counter b = second.counter("orders_total").help("Orders.").register();
        assertSame(a, b, "one name is one metric per registry");
        second.gauge("queue_depth").help("Jobs waiting.").register().set(3);
        assertEquals(3.0, MetricValues.of(first).get("shop_queue_depth"));
    }

    @Test
    void unwrapToAnotherClientsRegistryNamesTheBackendInUse() {
        AppMetrics app = AppMetrics.builder("shop").build();
        String message = assertThrows(IllegalArgumentException.class, () -> app.unwrap(String.class)).getMessage();
        assertTrue(message.startsWith("unwrap(java.lang.String) asks for a registry this app does not have: it runs"
                + " on the "), message);
    }

    @Test
    void aRegistryOfNoBackendIsRefusedNamingWhatEachBackendTakes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> AppMetrics.builder("shop").registry("not a registry").build()).getMessage();
        assertTrue(message.startsWith("registry(java.lang.String) is no registry of the backend on the class path ("),
                message);
        assertTrue(message.endsWith("): pass the backend's own registry."), message);
    }

    @Test
    void registeringANameAgainWithAnotherHelpTextIsRefused() {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.counter("orders_total").help("Orders placed.").register();
        assertEquals("\"shop_orders_total\" is already registered with the help text \"Orders placed.\"; it cannot"
                + " also have the help text \"Orders.\". One name has one help text: reuse the existing metric, give"
                + " it the same help, or choose another name.", assertThrows(IllegalArgumentException.class,
                        () -> app.counter("orders_total").help("Orders.").register()).getMessage());
    }
}
