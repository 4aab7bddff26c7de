package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TestHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings decide where the metrics are served: the app's own server, or a port of their own. */
@CompatibilityKit
class MetricsEndpointTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    @Test
    void exposeMountsOnTheAppServerWhenNoPortIsSetAndKnowsItsAddress() throws Exception {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "/actuator/prometheus")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        try (MetricsEndpoint exposed = MetricsEndpoint.expose(app, server, config)) {
            int port = server.getAddress().getPort();
            assertEquals(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"), exposed.url());
            assertEquals(port, exposed.port());
            assertEquals("/actuator/prometheus", exposed.path());
            HttpResponse<String> scrape = TestHttp.get(exposed.url());
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.body().contains("shop_build_info{"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aKeystoreWithoutAPortOfTheirOwnIsRefusedRatherThanServedInPlainHttp(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("keystore.password"), "secret");
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_TLS_KEYSTORE", "/run/tls/iotd.p12",
                "METRICS_TLS_KEYSTORE_PASSWORD_FILE", password.toString())));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MetricsEndpoint.expose(app, server, config));
            assertEquals("METRICS_TLS_KEYSTORE=\"/run/tls/iotd.p12\" is set but METRICS_PORT is not: the metrics would"
                    + " be served on the app's own server, without that keystore. Set METRICS_PORT for a metrics"
                    + " server of their own, which serves HTTPS with it, or unset METRICS_TLS_KEYSTORE.",
                    e.getMessage());
            assertTrue(server.createContext("/metrics") != null, "nothing was mounted before the refusal");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWildcardBindIsReachedAtLocalhost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
        server.start();
        try (MetricsEndpoint exposed = MetricsEndpoint.expose(app, server, MetricsConfig.empty())) {
            assertEquals(URI.create("http://localhost:" + server.getAddress().getPort() + "/metrics"), exposed.url());
            assertEquals(200, TestHttp.get(exposed.url()).statusCode());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void closingTheMountedExpositionRemovesTheContext() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        try {
            MetricsEndpoint.expose(app, server, MetricsConfig.empty()).close();
            assertEquals(404, TestHttp.get(server.getAddress().getPort(), "/metrics").statusCode());
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
        try (MetricsEndpoint exposed = MetricsEndpoint.expose(app, null, config)) {
            assertEquals(URI.create("http://127.0.0.1:" + free + "/metrics"), exposed.url());
            assertEquals(200, TestHttp.get(free, "/metrics").statusCode());
        }
    }

    @Test
    void basicAuthAndTheHealthPathFromTheEnvironmentGuardTheMountedHandler(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "s3cret\n");
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_AUTH_USER", "prometheus",
                "METRICS_AUTH_PASSWORD_FILE", secret.toString())));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        try (MetricsEndpoint exposed = MetricsEndpoint.expose(app, server, config)) {
            int port = server.getAddress().getPort();
            HttpResponse<String> anonymous = TestHttp.get(port, "/metrics");
            assertEquals(401, anonymous.statusCode());
            assertEquals("Basic realm=\"metrics\", charset=\"UTF-8\"",
                    anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(401, TestHttp.get(port, "/metrics", "Authorization", basic("prometheus", "wrong")).statusCode());
            HttpResponse<String> authorised = TestHttp.get(port, "/metrics", "Authorization",
                    basic("prometheus", "s3cret"));
            assertEquals(200, authorised.statusCode());
            assertTrue(authorised.body().contains("shop_build_info{"), authorised.body());
            assertEquals(200, TestHttp.get(port, "/-/healthy").statusCode(), "probes need no password");
            assertEquals("OK", TestHttp.get(port, "/-/healthy").body());
        } finally {
            server.stop(0);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void closingTheExpositionRemovesTheHealthPathToo() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        try {
            MetricsEndpoint.expose(app, server, MetricsConfig.empty()).close();
            assertEquals(404, TestHttp.get(server.getAddress().getPort(), "/-/healthy").statusCode());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAppThatServesTheHealthPathItselfKeepsIt() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(MetricsHandler.HEALTH_PATH, exchange -> {
            exchange.sendResponseHeaders(200, 3);
            exchange.getResponseBody().write("app".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        try (MetricsEndpoint exposed = MetricsEndpoint.expose(app, server, MetricsConfig.empty())) {
            int port = server.getAddress().getPort();
            assertEquals(200, TestHttp.get(port, "/metrics").statusCode());
            assertEquals("app", TestHttp.get(port, "/-/healthy").body());
        } finally {
            server.stop(0);
        }
    }
}
