package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.HostileClients;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.core.support.ThrowawayCa;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore named by the settings, any Authenticator, over real TLS with a throwaway CA. */
@CompatibilityKit
class MetricsServerTlsTest {

    @TempDir
    static Path dir;
    private static ThrowawayCa ca;

    @BeforeAll
    static void makeCa() {
        ca = ThrowawayCa.in(dir);
    }

    private static MetricsConfig settings(String... pairs) throws IOException {
        Path password = dir.resolve("keystore-password");
        Files.writeString(password, ThrowawayCa.PASSWORD + "\n");
        Path auth = dir.resolve("auth-password");
        Files.writeString(auth, "s3cret\n");
        Map<String, String> env = new java.util.HashMap<>(Map.of("METRICS_TLS_KEYSTORE", ca.keystore().toString(),
                "METRICS_TLS_KEYSTORE_PASSWORD_FILE", password.toString(), "METRICS_HOST", "127.0.0.1"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1].replace("$AUTH_FILE", auth.toString()));
        }
        return MetricsConfig.from(EnvConfig.of(env));
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ca.clientContext()).connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theKeystoreSettingServesHttpsWithBasicAuth() throws Exception {
        MetricsConfig config = settings("METRICS_AUTH_USER", "prometheus", "METRICS_AUTH_PASSWORD_FILE", "$AUTH_FILE");
        try (MetricsServer server = MetricsServer.builder(Fixtures.smallApp()).config(config).port(0).start()) {
            assertEquals("https", server.url().getScheme());
            String basic = "Basic " + Base64.getEncoder().encodeToString("prometheus:s3cret"
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> scrape = get(server.url(), "Authorization", basic);
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.body().contains("# TYPE shop_orders_total counter"), scrape.body());
            assertEquals(401, get(server.url()).statusCode());
            assertEquals(200, get(server.url().resolve("/-/healthy")).statusCode(), "probes need no credentials");
            String plain = RawHttp.untilClosed(server.port(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(20));
            assertTrue(plain != null && !plain.startsWith("HTTP/1.1 200"), "plain HTTP gets no metrics: " + plain);
        }
    }

    @Test
    void anyAuthenticatorGuardsTheMetricsPath() throws Exception {
        Authenticator bearer = new Authenticator() {
            @Override
            public Result authenticate(HttpExchange exchange) {
                return "Bearer t0ken".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                        ? new Success(new HttpPrincipal("prometheus", "metrics")) : new Failure(401);
            }
        };
        try (MetricsServer server = MetricsServer.builder(Fixtures.smallApp()).config(settings()).port(0)
                .authenticator(bearer).start()) {
            assertEquals(200, get(server.url(), "Authorization", "Bearer t0ken").statusCode());
            assertEquals(401, get(server.url(), "Authorization", "Bearer wrong").statusCode());
        }
    }

    @Test
    void anExplicitHttpsConfiguratorWinsOverTheSetting() throws Exception {
        HttpsConfigurator own = new HttpsConfigurator(
                TlsKeystore.configurator(ca.keystore(), ThrowawayCa.PASSWORD).getSSLContext());
        try (MetricsServer server = MetricsServer.builder(Fixtures.smallApp()).https(own)
                .config(settings("METRICS_TLS_KEYSTORE", dir.resolve("missing.p12").toString())).port(0).start()) {
            assertEquals(200, get(server.url()).statusCode());
        }
    }

    @Test
    void slowTlsHandshakesAreClosedAtTheHeaderTimeout() throws Exception {
        try (MetricsServer server = MetricsServer.builder(Fixtures.smallApp()).config(settings()).port(0)
                .headerTimeout(Duration.ofMillis(500)).start();
                HostileClients slow = HostileClients.slowHeads(server.port(), 3, "/metrics")) {
            assertEquals(3, slow.closedByServer(Duration.ofSeconds(20)));
            assertEquals(200, get(server.url()).statusCode());
        }
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartNamingTheSetting() throws Exception {
        Path wrong = dir.resolve("wrong-password");
        Files.writeString(wrong, "not-it");
        MetricsConfig config = settings("METRICS_TLS_KEYSTORE_PASSWORD_FILE", wrong.toString());
        String message = assertThrows(IllegalArgumentException.class,
                () -> MetricsServer.builder(Fixtures.smallApp()).config(config).port(0).start()).getMessage();
        assertTrue(message.startsWith("TLS keystore \"" + ca.keystore() + "\" cannot be read as PKCS#12 with the"
                + " password given"), message);
        assertEquals("METRICS_TLS_KEYSTORE=\"/x.p12\" is set but METRICS_TLS_KEYSTORE_PASSWORD_FILE is not: point it"
                + " at a file holding the keystore's password, such as"
                + " METRICS_TLS_KEYSTORE_PASSWORD_FILE=/run/secrets/metrics_keystore_password.",
                assertThrows(IllegalArgumentException.class, () -> MetricsConfig.from(EnvConfig.of(Map.of(
                        "METRICS_TLS_KEYSTORE", "/x.p12")))).getMessage());
    }
}
