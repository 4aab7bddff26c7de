package dev.lucidmetrics.core.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Gauge;
import dev.lucidmetrics.core.batch.BatchJob;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.exposition.MetricsEndpoint;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.exposition.MetricsServer;
import dev.lucidmetrics.core.http.HttpClientMetrics;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.http.InstrumentedHttpClient;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.MetricsAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every code block of docs/adoption.md, compiled and run here: the page must show each snippet as written below,
 * and each step's test checks that the code does what the page says.
 */
@CompatibilityKit
class AdoptionGuideTest {

    private static final DocSnippets PAGE = DocSnippets.of("docs/adoption.md", AdoptionGuideTest.class);
    /** Stands for the app's main class in the snippets. */
    private static final class Main {
    }

    private final HttpServer server;
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    AdoptionGuideTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void theDependencySnippetsNameThisVersion() {
        String version = System.getProperty("lucid.version");
        assertTrue(version != null && !version.isBlank(), "surefire passes the project version");
        String page = readPage();
        assertTrue(page.contains("<artifactId>metrics-simpleclient</artifactId>\n  <version>" + version + "</version>"), page);
        assertTrue(page.contains("<artifactId>metrics-testing</artifactId>\n  <version>" + version
                + "</version>\n  <scope>test</scope>"), page);
    }

    private static String readPage() {
        try {
            return Files.readString(DocSnippets.ROOT.resolve("docs/adoption.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void step2DescribesTheAppOnceFromItsSettings() {
        // snippet describe
        MetricsConfig config = MetricsConfig.fromEnvironment();    // METRICS_PORT, METRICS_PATH, APP_VERSION, ...
        AppMetrics app = AppMetrics.builder("orders").config(config).versionFrom(Main.class).build();
        JvmMetrics.builder().config(config).register(app);          // jvm_*, process_* — once per app
        // end snippet describe
        PAGE.assertShows("describe");
        String fromEnvironment = System.getenv("APP_VERSION");
        assertEquals(fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment.trim(),
                app.version(), "APP_VERSION, else the manifest (none for a test class), else unknown");
        assertTrue(MetricValues.of(app).exists("jvm_threads_current"));
    }

    @Test
    void step3ServesTheMetricsOnTheAppsServerOrOnAPortOfTheirOwn() throws Exception {
        AppMetrics app = AppMetrics.builder("orders").build();
        // snippet mount
        MetricsHandler.builder(app).build().mount(server);        // exact path /metrics; also /-/healthy
        // end snippet mount
        PAGE.assertShows("mount");
        assertEquals(200, TestHttp.get(port(), "/metrics").statusCode());
        assertEquals(404, TestHttp.get(port(), "/metrics/anything").statusCode());

        AppMetrics other = AppMetrics.builder("batchy").build();
        // snippet server
        MetricsServer metrics = MetricsServer.builder(other).port(0).start();   // 0: any free port; close() on stop
        // end snippet server
        closeAfter.add(metrics);
        PAGE.assertShows("server");
        assertEquals(200, TestHttp.get(metrics.port(), "/-/healthy").statusCode());

        HttpServer appServer = server;
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "/internal/metrics")));
        AppMetrics third = AppMetrics.builder("third").build();
        // snippet expose
        MetricsEndpoint endpoint = MetricsEndpoint.expose(third, appServer, config);   // METRICS_PORT decides where
        System.out.println("metrics at " + endpoint.url());
        // end snippet expose
        closeAfter.add(endpoint);
        PAGE.assertShows("expose");
        assertEquals(200, TestHttp.get(endpoint.url()).statusCode());
        assertEquals(URI.create("http://127.0.0.1:" + port() + "/internal/metrics"), endpoint.url(),
                "the app server is bound to loopback, so that is where the metrics answer");
    }

    @Test
    void step4CountsRequestsByRouteTemplate() throws Exception {
        AppMetrics app = AppMetrics.builder("orders").build();
        HttpHandler ordersHandler = exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        };
        // snippet http
        HttpServerMetrics http = HttpServerMetrics.builder(app)
                .routes("/orders", "/orders/{id}", "/orders/{id}/items/{item}")
                .register();
        http.instrument(server.createContext("/orders", ordersHandler));
        // end snippet http
        PAGE.assertShows("http");
        TestHttp.get(port(), "/orders/8812");
        TestHttp.get(port(), "/orders/8813");
        MetricValues.of(app).awaitValue(Duration.ofSeconds(5), 2.0, "orders_requests_total",
                "method", "GET", "route", "/orders/{id}", "code", "204");
    }

    @Test
    void step5CountsCallsToOtherServicesByTarget() throws Exception {
        AppMetrics app = AppMetrics.builder("orders").build();
        server.createContext("/pay", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/pay")).build();
        // snippet client
        InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("payments", "stock").register()
                .wrap(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
        HttpResponse<String> r = client.send("payments", request, BodyHandlers.ofString());
        // end snippet client
        PAGE.assertShows("client");
        assertEquals(200, r.statusCode());
        assertEquals(1.0, MetricValues.of(app).get("orders_client_requests_total", "target", "payments",
                "method", "GET", "code", "200"));
    }

    @Test
    void step6RecordsBusinessMetrics() {
        AppMetrics app = AppMetrics.builder("orders").build();
        // snippet business
        Counter placed = app.counter("placed_total").help("Orders placed, by payment method.")
                .labelNames("payment").register();
        for (String p : List.of("card", "invoice")) {
            placed.labels(p);                                // initialise known values to 0, so rate() and alerts see them
        }
        Counter.Child card = placed.labels("card");         // keep the child when the value is fixed: no lookup per call
        card.inc();
        // end snippet business
        PAGE.assertShows("business");
        MetricValues values = MetricValues.of(app);
        assertEquals(1.0, values.get("orders_placed_total", "payment", "card"));
        assertEquals(0.0, values.get("orders_placed_total", "payment", "invoice"));

        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(List.of("a", "b", "c"));
        AtomicInteger active = new AtomicInteger(2);
        AtomicInteger idle = new AtomicInteger(8);
        // snippet callbacks
        app.gauge("queue_depth").help("Orders waiting to be packed.").registerCallback(queue::size);
        app.gauge("pool_connections").help("Database connections, by state.").labelNames("state")
                .registerCallback(series -> {
                    series.report(active.get(), "active");
                    series.report(idle.get(), "idle");
                });
        // end snippet callbacks
        PAGE.assertShows("callbacks");
        assertEquals(3.0, values.get("orders_queue_depth"));
        assertEquals(8.0, values.get("orders_pool_connections", "state", "idle"));

        // snippet lifecycle
        Gauge tenants = app.gauge("tenant_sessions").help("Open sessions, by tenant.").labelNames("tenant").register();
        tenants.labels("acme").set(12);
        tenants.remove("acme");                              // the tenant left: its series goes, its place under the cap too
        Gauge exporting = app.gauge("exports_in_progress").help("Exports running now.").register();
        try (Gauge.InProgress p = exporting.trackInProgress()) {
            // export();                                     // 1 while it runs, 0 after, exceptions included
        }
        // end snippet lifecycle
        PAGE.assertShows("lifecycle");
        assertTrue(!values.exists("orders_tenant_sessions", "tenant", "acme"));
        assertEquals(0.0, values.get("orders_exports_in_progress"));
    }

    // snippet naming-test
    @Test
    void metricNamesFollowTheConventions() {
        AppMetrics app = AppMetrics.builder("orders").build();
        new OrderService(app);                               // registers its metrics
        MetricsAssertions.assertNamingClean(app);            // from metrics-testing; lists every finding
    }
    // end snippet naming-test

    @Test
    void step7ShowsTheNamingTest() {
        PAGE.assertShows("naming-test");
    }

    /** What an app's service looks like to the naming test above. */
    private static final class OrderService {
        OrderService(AppMetrics app) {
            app.counter("placed_total").help("Orders placed.").register();
        }
    }

    @Test
    void step9PushesABatchJobOnceAtTheEnd() throws Exception {
        List<String> pushed = new CopyOnWriteArrayList<>();
        server.createContext("/metrics/job", exchange -> {
            pushed.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        URI pushgateway = URI.create("http://127.0.0.1:" + port());
        // snippet batch
        BatchJob.builder("orders_export").pushgateway(pushgateway).build()
                .run(run -> run.recordsProcessed(exportOrders()));
        // end snippet batch
        PAGE.assertShows("batch");
        assertEquals(1, pushed.size());
        assertTrue(pushed.get(0).startsWith("POST /metrics/job/orders_export\n"), pushed.get(0));
        assertTrue(pushed.get(0).contains("\norders_export_records_processed 42.0\n"), pushed.get(0));
        assertTrue(pushed.get(0).contains("\norders_export_last_success_timestamp_seconds "), pushed.get(0));
    }

    private static long exportOrders() {
        return 42;
    }
}
