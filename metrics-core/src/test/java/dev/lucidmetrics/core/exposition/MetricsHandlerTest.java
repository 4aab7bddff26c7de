package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler mounted on an app's own JDK server, called over a real socket. */
@CompatibilityKit
class MetricsHandlerTest {

    static final String GOLDEN = "# HELP shop_basket_size_bytes Basket sizes.\n"
            + "# TYPE shop_basket_size_bytes summary\n"
            + "shop_basket_size_bytes_count 1.0\n"
            + "shop_basket_size_bytes_sum 512.0\n"
            + "# HELP shop_build_info Build facts of shop; the value is always 1.\n"
            + "# TYPE shop_build_info gauge\n"
            + "shop_build_info{version=\"1.2.3\",revision=\"abc123\",java_version=\""
            + System.getProperty("java.version") + "\",} 1.0\n"
            + "# HELP shop_checkout_duration_seconds Checkout time.\n"
            + "# TYPE shop_checkout_duration_seconds histogram\n"
            + "shop_checkout_duration_seconds_bucket{le=\"0.1\",} 1.0\n"
            + "shop_checkout_duration_seconds_bucket{le=\"1.0\",} 2.0\n"
            + "shop_checkout_duration_seconds_bucket{le=\"+Inf\",} 2.0\n"
            + "shop_checkout_duration_seconds_count 2.0\n"
            + "shop_checkout_duration_seconds_sum 0.55\n"
            + "# HELP shop_in_flight_requests Requests being served.\n"
            + "# TYPE shop_in_flight_requests gauge\n"
            + "shop_in_flight_requests 2.0\n"
            + "# HELP shop_orders_total Orders placed.\n"
            + "# TYPE shop_orders_total counter\n"
            + "shop_orders_total{channel=\"app\",} 1.0\n"
            + "shop_orders_total{channel=\"web\",} 3.0\n";

    private LogCapture jdkWarnings;

    private HttpServer server;
    private int port;

    private int serve(AppMetrics app, MetricsHandler.Builder handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handler.path("/actuator/prometheus").build().mount(server);
        server.start();
        port = server.getAddress().getPort();
        return port;
    }

    @BeforeEach
    void captureJdkWarnings() {
        jdkWarnings = new LogCapture("com.sun.net.httpserver", Level.WARNING, LogRecord::getMessage);
    }

    @AfterEach
    void stop() {
        jdkWarnings.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void servesTheWholeRegistryAsText004() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        HttpResponse<String> r = TestHttp.get(port, "/actuator/prometheus");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(TextSamples.canonical(GOLDEN), TextSamples.canonical(r.body()));
    }

    @Test
    void servesOpenMetricsWhenAcceptAsksForIt() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        HttpResponse<String> r = TestHttp.get(port, "/actuator/prometheus", "Accept",
                "application/openmetrics-text; version=1.0.0; charset=utf-8,text/plain;version=0.0.4;q=0.5");
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
                r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("# TYPE shop_orders counter\n"), r.body());
        assertTrue(r.body().endsWith("# EOF\n"), r.body());
    }

    @Test
    void onlyTheExactPathServesMetrics() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        for (String other : new String[] {"/actuator/prometheus/x", "/actuator/prometheusx", "/actuator", "/"}) {
            HttpResponse<String> r = TestHttp.get(port, other);
            assertEquals(404, r.statusCode(), other);
            assertFalse(r.body().contains("shop_orders_total"), other);
        }
    }

    @Test
    void otherMethodsGet405WithAllow() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        HttpResponse<String> r = TestHttp.send(TestHttp.request(port, "/actuator/prometheus")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void headAnswersHeadersWithoutBodyOrJdkWarning() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        HttpResponse<String> r = TestHttp.send(TestHttp.request(port, "/actuator/prometheus")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("", r.body());
        assertEquals(List.of(), jdkWarnings.lines());
    }

    @Test
    void gzipWhenAcceptEncodingAllowsIt() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        HttpResponse<byte[]> r = TestHttp.send(TestHttp.request(port, "/actuator/prometheus")
                .header("Accept-Encoding", "deflate, gzip;q=0.8").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertEquals(TextSamples.canonical(GOLDEN),
                    TextSamples.canonical(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        HttpResponse<String> refused = TestHttp.get(port, "/actuator/prometheus", "Accept-Encoding", "gzip;q=0");
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals(TextSamples.canonical(GOLDEN), TextSamples.canonical(refused.body()));
    }

    @Test
    void nameFilterSelectsEveryKindOfFamilyIncludingGcSummaries() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        JvmMetrics.builder().register(app);
        serve(app, MetricsHandler.builder(app));
        String gc = TestHttp.get(port, "/actuator/prometheus?name[]=jvm_gc_collection_seconds").body();
        assertTrue(gc.startsWith("# HELP jvm_gc_collection_seconds "), gc);
        assertTrue(gc.contains("\njvm_gc_collection_seconds_count{gc=\""), gc);
        assertTrue(gc.contains("\njvm_gc_collection_seconds_sum{gc=\""), gc);
        assertFalse(gc.contains("jvm_threads_current"), gc);

        String two = TestHttp.get(port, "/actuator/prometheus?name%5B%5D=shop_orders_total&name[]=shop_in_flight_requests")
                .body();
        assertEquals(TextSamples.canonical("# HELP shop_in_flight_requests Requests being served.\n"
                + "# TYPE shop_in_flight_requests gauge\n"
                + "shop_in_flight_requests 2.0\n"
                + "# HELP shop_orders_total Orders placed.\n"
                + "# TYPE shop_orders_total counter\n"
                + "shop_orders_total{channel=\"app\",} 1.0\n"
                + "shop_orders_total{channel=\"web\",} 3.0\n"), TextSamples.canonical(two));

        String count = TestHttp.get(port, "/actuator/prometheus?name[]=shop_checkout_duration_seconds_count").body();
        assertTrue(count.startsWith("# HELP shop_checkout_duration_seconds Checkout time.\n"
                + "# TYPE shop_checkout_duration_seconds histogram\n"), "a sample's name selects its family: " + count);
        assertTrue(TextSamples.contains(count, "shop_checkout_duration_seconds_count 2.0\n"), count);
        assertTrue(count.contains("shop_checkout_duration_seconds_sum "), "the whole family: " + count);
    }

    @Test
    void malformedQueriesGet400() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        // java.net.http refuses to send such a URI, so write the request line by hand
        String response = TestHttp.raw(TestHttp.local(port, "/"), "GET", "/actuator/prometheus?name[]=%zz");
        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        assertFalse(response.contains("shop_orders_total"), response);
    }

    @Test
    void createdSeriesAreOffByDefaultAndOnByChoice() throws IOException {
        AppMetrics app = Fixtures.smallApp();
        serve(app, MetricsHandler.builder(app));
        assertFalse(TestHttp.get(port, "/actuator/prometheus").body().contains("_created"));
        server.stop(0);
        serve(app, MetricsHandler.builder(app).createdSeries(true));
        String body = TestHttp.get(port, "/actuator/prometheus").body();
        assertTrue(TextSamples.contains(body, "\nshop_orders_created{channel=\"web\",} "), body);
        assertTrue(body.contains("\nshop_checkout_duration_seconds_created "), body);
        assertTrue(body.contains("\nshop_basket_size_bytes_created "), body);
    }
}
