package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.exposition.MetricsServer;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * One precedence for every setting of every builder: an explicit call, else the setting, else the default —
 * whatever the order of the calls. Each builder is driven in both orders.
 */
@CompatibilityKit
class SettingsPrecedenceTest {

    private static MetricsConfig env(String... pairs) {
        Map<String, String> vars = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return MetricsConfig.from(EnvConfig.of(vars));
    }

    @Test
    void appMetricsTakesAnExplicitVersionOverTheSettingInEitherOrder() {
        MetricsConfig config = env("APP_VERSION", "from-env", "APP_REVISION", "env-rev");
        AppMetrics explicitFirst = AppMetrics.builder("shop").version("1.0.0").revision("abc").config(config).build();
        AppMetrics configFirst = AppMetrics.builder("shop").config(config).version("1.0.0").revision("abc").build();
        AppMetrics settingOnly = AppMetrics.builder("shop").config(config).build();
        AppMetrics neither = AppMetrics.builder("shop").config(MetricsConfig.empty()).build();
        assertEquals("1.0.0 abc", explicitFirst.version() + " " + explicitFirst.revision());
        assertEquals("1.0.0 abc", configFirst.version() + " " + configFirst.revision());
        assertEquals("from-env env-rev", settingOnly.version() + " " + settingOnly.revision());
        assertEquals("unknown unknown", neither.version() + " " + neither.revision());
    }

    @Test
    void jvmMetricsTakeAnExplicitDeadlockSwitchOverTheSettingInEitherOrder() {
        MetricsConfig on = env("METRICS_JVM_DEADLOCK_DETECTION", "true");
        assertEquals(false, deadlockFamilyShown(b -> b.threadDeadlockDetection(false).config(on)));
        assertEquals(false, deadlockFamilyShown(b -> b.config(on).threadDeadlockDetection(false)));
        assertEquals(false, deadlockFamilyShown(b -> b.config(env("METRICS_JVM_DEADLOCK_DETECTION", "false"))));
        assertEquals(true, deadlockFamilyShown(b -> b.config(MetricsConfig.empty())), "default on");
    }

    private static boolean deadlockFamilyShown(UnaryOperator<JvmMetrics.Builder> configure) {
        AppMetrics app = AppMetrics.builder("shop").build();
        configure.apply(JvmMetrics.builder()).register(app);
        return MetricValues.of(app).exists("jvm_threads_deadlocked");
    }

    @Test
    void aMountedHandlerTakesAnExplicitPathOverMetricsPathInEitherOrder() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        MetricsConfig unset = MetricsConfig.from(EnvConfig.of(Map.of()));
        MetricsConfig moved = env("METRICS_PATH", "/internal/metrics");
        assertEquals("/actuator/prometheus",
                MetricsHandler.builder(app).path("/actuator/prometheus").config(unset).build().path(),
                "an unset METRICS_PATH must not put the default back");
        assertEquals("/actuator/prometheus",
                MetricsHandler.builder(app).config(moved).path("/actuator/prometheus").build().path());
        assertEquals("/actuator/prometheus",
                MetricsHandler.builder(app).path("/actuator/prometheus").config(moved).build().path());
        assertEquals("/internal/metrics", MetricsHandler.builder(app).config(moved).build().path());
        assertEquals("/metrics", MetricsHandler.builder(app).config(unset).build().path());
    }

    @Test
    void aMountedHandlerTakesExplicitAuthAndCreatedSeriesOverTheSettingsInEitherOrder() throws Exception {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.counter("orders_total").help("Orders.").register().inc();
        MetricsConfig config = MetricsConfig.builder().createdSeries(true).basicAuth("env", "env-pw").build();
        for (boolean explicitFirst : new boolean[] {true, false}) {
            MetricsHandler.Builder b = MetricsHandler.builder(app);
            if (explicitFirst) {
                b.createdSeries(false).basicAuth("code", "code-pw").config(config);
            } else {
                b.config(config).createdSeries(false).basicAuth("code", "code-pw");
            }
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            b.build().mount(server);
            server.start();
            try {
                int port = server.getAddress().getPort();
                assertEquals(401, TestHttp.get(port, "/metrics", "Authorization", basic("env", "env-pw"))
                        .statusCode(), "explicitFirst=" + explicitFirst);
                String body = TestHttp.get(port, "/metrics", "Authorization", basic("code", "code-pw")).body();
                assertEquals(false, body.contains("shop_orders_created"), "explicitFirst=" + explicitFirst);
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void aMetricsServerWithAnExplicitPortBindsItWhenMetricsPortIsUnset() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        int free = freePort();
        try (MetricsServer server = MetricsServer.builder(app).host("127.0.0.1").port(free)
                .config(MetricsConfig.from(EnvConfig.of(Map.of()))).start()) {
            assertEquals(free, server.port());
        }
    }

    @Test
    void aMetricsServerTakesAnExplicitPortOverMetricsPortInEitherOrder() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        int fromEnv = freePort();
        MetricsConfig config = env("METRICS_PORT", String.valueOf(fromEnv), "METRICS_HOST", "127.0.0.1");
        try (MetricsServer explicitFirst = MetricsServer.builder(app).port(0).config(config).start();
                MetricsServer configFirst = MetricsServer.builder(app).config(config).port(0).start()) {
            assertEquals(false, explicitFirst.port() == fromEnv, "port(0) picks a free port, not METRICS_PORT");
            assertEquals(false, configFirst.port() == fromEnv);
        }
        try (MetricsServer settingOnly = MetricsServer.builder(app).config(config).start()) {
            assertEquals(fromEnv, settingOnly.port());
        }
    }

    @Test
    void aMetricsServerTakesAnExplicitHostAndPathOverTheSettingsInEitherOrder() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        MetricsConfig config = env("METRICS_HOST", "0.0.0.0", "METRICS_PATH", "/from-env");
        try (MetricsServer explicitFirst = MetricsServer.builder(app).host("127.0.0.1").path("/from-code").port(0)
                .config(config).start();
                MetricsServer configFirst = MetricsServer.builder(app).config(config).host("127.0.0.1")
                        .path("/from-code").port(0).start()) {
            for (MetricsServer server : new MetricsServer[] {explicitFirst, configFirst}) {
                assertEquals("http://127.0.0.1:" + server.port() + "/from-code", server.url().toString());
                assertEquals(200, TestHttp.get(server.port(), "/from-code").statusCode());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
