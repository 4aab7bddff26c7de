package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

    private static List<String> familyNames(CollectorRegistry registry) {
        List<String> names = new ArrayList<>();
        for (MetricFamilySamples f : Collections.list(registry.metricFamilySamples())) {
            names.add(f.name);
        }
        return names;
    }

    @Test
    void registeringTwiceRegistersOnce() {
        AppMetrics app = AppMetrics.builder("shop").build();
        assertTrue(JvmMetrics.builder().register(app));
        List<String> once = familyNames(app.collectorRegistry());
        assertFalse(JvmMetrics.builder().register(app));
        assertFalse(JvmMetrics.builder().threadDeadlockDetection(false).register(app));
        List<String> after = familyNames(app.collectorRegistry());
        assertEquals(once.size(), after.size(), "no duplicate collectors: " + after);
        assertEquals(1, Collections.frequency(after, "jvm_gc_collection_seconds"));
        assertNotNull(app.collectorRegistry().getSampleValue("jvm_threads_current"));
    }

    @Test
    void eachRegistryGetsItsOwnJvmMetrics() {
        assertTrue(JvmMetrics.builder().register(new CollectorRegistry(true)));
        assertTrue(JvmMetrics.builder().register(new CollectorRegistry(true)));
    }

    @Test
    void aRegistryWithSimpleclientsDefaultExportsIsLeftAlone() {
        CollectorRegistry registry = new CollectorRegistry(true);
        DefaultExports.register(registry);
        assertFalse(JvmMetrics.builder().register(registry));
    }

    @Test
    void deadlockDetectionSwitchHidesTheDeadlockFamilies() {
        CollectorRegistry off = new CollectorRegistry(true);
        JvmMetrics.builder().threadDeadlockDetection(false).register(off);
        assertNull(off.getSampleValue("jvm_threads_deadlocked"));
        assertNull(off.getSampleValue("jvm_threads_deadlocked_monitor"));
        assertNotNull(off.getSampleValue("jvm_threads_current"));
        assertNotNull(off.getSampleValue("jvm_threads_state", new String[] {"state"}, new String[] {"RUNNABLE"}));

        CollectorRegistry on = new CollectorRegistry(true);
        JvmMetrics.builder().register(on);
        assertEquals(0.0, on.getSampleValue("jvm_threads_deadlocked"));
    }

    @Test
    void jvmMetricsPassTheNamingLint() {
        CollectorRegistry registry = new CollectorRegistry(true);
        JvmMetrics.builder().register(registry);
        assertEquals(List.of(), NamingLint.check(registry));
    }
}
