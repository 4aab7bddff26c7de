package dev.lucidmetrics.core.jvm;

import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.RawMetrics;
import dev.lucidmetrics.testing.MetricValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.naming.NamingLint;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@CompatibilityKit
class JvmMetricsTest {

    private static List<String> familyNames(AppMetrics app) {
        List<String> names = new ArrayList<>();
        for (FamilySnapshot f : app.snapshot()) {
            names.add(f.name());
        }
        return names;
    }

    @Test
    void registeringTwiceRegistersOnce() {
        AppMetrics app = AppMetrics.builder("shop").build();
        assertTrue(JvmMetrics.builder().register(app));
        List<String> once = familyNames(app);
        assertFalse(JvmMetrics.builder().register(app));
        assertFalse(JvmMetrics.builder().threadDeadlockDetection(false).register(app));
        List<String> after = familyNames(app);
        assertEquals(once.size(), after.size(), "no duplicate collectors: " + after);
        assertEquals(1, Collections.frequency(after, "jvm_gc_collection_seconds"));
        assertTrue(MetricValues.of(app).exists("jvm_threads_current"));
    }

    @Test
    void eachRegistryGetsItsOwnJvmMetrics() {
        assertTrue(JvmMetrics.builder().register(AppMetrics.builder("one").build()));
        assertTrue(JvmMetrics.builder().register(AppMetrics.builder("two").build()));
    }

    @Test
    void aRegistryWithTheClientsOwnJvmMetricsIsLeftAlone() {
        AppMetrics app = AppMetrics.builder("shop").build();
        RawMetrics.get().registerClientJvmMetrics(app);
        assertFalse(JvmMetrics.builder().register(app));
    }

    @Test
    void deadlockDetectionSwitchHidesTheDeadlockFamilies() {
        AppMetrics off = AppMetrics.builder("off").build();
        JvmMetrics.builder().threadDeadlockDetection(false).register(off);
        MetricValues values = MetricValues.of(off);
        assertFalse(values.exists("jvm_threads_deadlocked"));
        assertFalse(values.exists("jvm_threads_deadlocked_monitor"));
        assertTrue(values.exists("jvm_threads_current"));
        assertTrue(values.exists("jvm_threads_state", "state", "RUNNABLE"));

        AppMetrics on = AppMetrics.builder("on").build();
        JvmMetrics.builder().register(on);
        assertEquals(0.0, MetricValues.of(on).get("jvm_threads_deadlocked"));
    }

    @Test
    void theEnvironmentSwitchTurnsDeadlockDetectionOff() {
        AppMetrics app = AppMetrics.builder("shop").build();
        JvmMetrics.builder().config(MetricsConfig.from(EnvConfig.of(Map.of("METRICS_JVM_DEADLOCK_DETECTION", "no"))))
                .register(app);
        assertFalse(MetricValues.of(app).exists("jvm_threads_deadlocked"));
        assertTrue(MetricValues.of(app).exists("jvm_threads_current"));
    }

    @Test
    void jvmMetricsPassTheNamingLint() {
        AppMetrics app = AppMetrics.builder("shop").build();
        JvmMetrics.builder().register(app);
        assertEquals(List.of(), NamingLint.check(app.snapshot(), app.namespace()));
    }
}
