package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.support.Http;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsConfigTest {

    @Test
    void defaultsServeOnTheAppsOwnServerAtSlashMetrics() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of()));
        assertEquals(0, config.port());
        assertEquals("/metrics", config.path());
        assertNull(config.version());
        assertEquals("unknown", config.revision());
        assertFalse(config.createdSeries());
        assertTrue(config.jvmDeadlockDetection());
        assertEquals("/actuator/prometheus", MetricsConfig.from(EnvConfig.of(Map.of()), "/actuator/prometheus").path());
    }

    @Test
    void environmentSetsVersionRevisionAndSwitches() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("APP_VERSION", "2.1.0", "APP_REVISION",
                "abc123", "METRICS_CREATED_SERIES", "true", "METRICS_JVM_DEADLOCK_DETECTION", "false",
                "METRICS_PATH", "/internal/metrics", "METRICS_PORT", "9400")));
        assertEquals(9400, config.port());
        assertEquals("/internal/metrics", config.path());
        AppMetrics app = config.appMetrics("shop").build();
        assertEquals(1.0, app.collectorRegistry().getSampleValue("shop_build_info",
                new String[] {"version", "revision", "java_version"},
                new String[] {"2.1.0", "abc123", System.getProperty("java.version")}));
        config.jvmMetrics().register(app);
        assertNull(app.collectorRegistry().getSampleValue("jvm_threads_deadlocked"));
    }

    @Test
    void invalidValuesFailNamingTheVariable() {
        assertEquals("METRICS_PORT=\"70000\" is not valid: expected a port number from 1 to 65535 (0 picks a free"
                + " port), such as METRICS_PORT=8080.", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PORT", "70000")))).getMessage());
        assertEquals("METRICS_CREATED_SERIES=\"sometimes\" is not valid: expected true or false.",
                assertThrows(IllegalArgumentException.class, () -> MetricsConfig.from(EnvConfig.of(
                        Map.of("METRICS_CREATED_SERIES", "sometimes")))).getMessage());
        assertEquals("METRICS_PATH=\"/a b\" is not valid: expected a path starting with '/', without query, '%'"
                + " escapes, spaces or '//', such as /metrics.", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "/a b")))).getMessage());
    }

    @Test
    void exposeMountsOnTheAppServerWhenThePortIsZero() throws Exception {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "/actuator/prometheus")));
        AppMetrics app = config.appMetrics("shop").build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        try (AutoCloseable exposed = config.expose(app, server)) {
            int port = server.getAddress().getPort();
            assertEquals(200, Http.get(port, "/actuator/prometheus").statusCode());
            assertTrue(Http.get(port, "/actuator/prometheus").body().contains("shop_build_info{"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void exposeStartsASeparateServerWhenAPortIsSet() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();    // METRICS_PORT=0 means "the app's server", so ask the OS for one
        }
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PORT", String.valueOf(free),
                "METRICS_HOST", "127.0.0.1")));
        AppMetrics app = config.appMetrics("shop").build();
        HttpServer unused = HttpServer.create();
        try (AutoCloseable exposed = config.expose(app, unused)) {
            assertEquals(200, Http.get(free, "/metrics").statusCode());
        }
    }
}
