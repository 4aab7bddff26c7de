package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {

    @Test
    void defaultsServeOnTheAppsOwnServerAtSlashMetrics() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of()));
        assertEquals(0, config.port());
        assertEquals("/metrics", config.path());
        assertNull(config.version());
        assertNull(config.revision());
        assertFalse(config.createdSeries());
        assertTrue(config.jvmDeadlockDetection());
        assertEquals("/actuator/prometheus", MetricsConfig.from(EnvConfig.of(Map.of()), "/actuator/prometheus").path());
    }

    @Test
    void environmentSetsEverySetting() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("APP_VERSION", "2.1.0", "APP_REVISION",
                "abc123", "METRICS_CREATED_SERIES", "true", "METRICS_JVM_DEADLOCK_DETECTION", "false",
                "METRICS_PATH", "/internal/metrics", "METRICS_PORT", "9400", "METRICS_HOST", "127.0.0.1")));
        assertEquals(9400, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals("/internal/metrics", config.path());
        assertEquals("2.1.0", config.version());
        assertEquals("abc123", config.revision());
        assertTrue(config.createdSeries());
        assertFalse(config.jvmDeadlockDetection());
    }

    @Test
    void invalidValuesFailNamingTheVariable() {
        assertEquals("METRICS_PORT=\"70000\" is not valid: expected a port number from 0 to 65535, such as"
                + " METRICS_PORT=8080.", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PORT", "70000")))).getMessage());
        assertEquals("METRICS_CREATED_SERIES=\"sometimes\" is not valid: expected true or false.",
                assertThrows(IllegalArgumentException.class, () -> MetricsConfig.from(EnvConfig.of(
                        Map.of("METRICS_CREATED_SERIES", "sometimes")))).getMessage());
        assertEquals("METRICS_PATH \"/a b\" contains a space: use a plain path such as \"/metrics\", without"
                + " query, fragment, escapes or spaces.", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "/a b")))).getMessage());
    }
}
