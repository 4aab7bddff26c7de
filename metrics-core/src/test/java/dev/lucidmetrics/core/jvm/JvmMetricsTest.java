package dev.lucidmetrics.core.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.naming.NamingLint;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
        assertTrue(JvmMetrics.builder().register(AppMetrics.builder("one").build()));
        assertTrue(JvmMetrics.builder().register(AppMetrics.builder("two").build()));
    }

    @Test
    void aRegistryWithSimpleclientsDefaultExportsIsLeftAlone() {
        AppMetrics app = AppMetrics.builder("shop").build();
        DefaultExports.register(app.collectorRegistry());
        assertFalse(JvmMetrics.builder().register(app));
    }

    @Test
    void deadlockDetectionSwitchHidesTheDeadlockFamilies() {
        AppMetrics off = AppMetrics.builder("off").build();
        JvmMetrics.builder().threadDeadlockDetection(false).register(off);
        CollectorRegistry registry = off.collectorRegistry();
        assertNull(registry.getSampleValue("jvm_threads_deadlocked"));
        assertNull(registry.getSampleValue("jvm_threads_deadlocked_monitor"));
        assertNotNull(registry.getSampleValue("jvm_threads_current"));
        assertNotNull(registry.getSampleValue("jvm_threads_state", new String[] {"state"},
                new String[] {"RUNNABLE"}));

        AppMetrics on = AppMetrics.builder("on").build();
        JvmMetrics.builder().register(on);
        assertEquals(0.0, on.collectorRegistry().getSampleValue("jvm_threads_deadlocked"));
    }

    @Test
    void theEnvironmentSwitchTurnsDeadlockDetectionOff() {
        AppMetrics app = AppMetrics.builder("shop").build();
        JvmMetrics.builder().config(MetricsConfig.from(EnvConfig.of(Map.of("METRICS_JVM_DEADLOCK_DETECTION", "no"))))
                .register(app);
        assertNull(app.collectorRegistry().getSampleValue("jvm_threads_deadlocked"));
        assertNotNull(app.collectorRegistry().getSampleValue("jvm_threads_current"));
    }

    @Test
    void jvmMetricsPassTheNamingLint() {
        AppMetrics app = AppMetrics.builder("shop").build();
        JvmMetrics.builder().register(app);
        assertEquals(List.of(), NamingLint.check(app.snapshot(), app.namespace()));
    }
}
