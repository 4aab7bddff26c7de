package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The demos' router serves, and the metrics label, the most specific template, whatever the order it was given. */
class RouterTest {

    private static final List<String> TEMPLATES = List.of("/images/{id}/{size}", "/images", "/images/{id}/raw",
            "/images/{id}", "/images/new", "/{section}/new");

    private static HttpHandler says(String template) {
        return ex -> Responses.text(ex, 200, "text/plain", template + " " + Router.param(ex, "id"));
    }

    private static Router router(List<String> templates) {
        Router router = new Router();
        templates.forEach(t -> router.on("GET", t, says(t)));
        return router;
    }

    @Test
    void theMostSpecificTemplateServesWhateverTheOrderAndTheMetricsAgree() {
        Random random = new Random(7);
        for (int order = 0; order < 20; order++) {
            List<String> templates = new ArrayList<>(TEMPLATES);
            Collections.shuffle(templates, random);
            AppMetrics app = AppMetrics.builder("demo").build();
            DemoServer server = DemoServer.builder("t").port(0).router(router(templates), app).start();
            try {
                assertEquals("/images/{id}/raw 42", TestHttp.get(server.uri("/images/42/raw")).body(), "" + templates);
                assertEquals("/images/{id}/{size} 42", TestHttp.get(server.uri("/images/42/large")).body());
                assertEquals("/images/new null", TestHttp.get(server.uri("/images/new")).body());
                assertEquals("/images/{id} 42", TestHttp.get(server.uri("/images/42/")).body(), "one slash forgiven");
                assertEquals("/{section}/new null", TestHttp.get(server.uri("/albums/new")).body());
                MetricValues values = MetricValues.of(app);
                for (String route : List.of("/images/{id}/raw", "/images/{id}/{size}", "/images/new", "/images/{id}",
                        "/{section}/new")) {
                    values.awaitValue(Duration.ofSeconds(10), 1.0, "demo_requests_total", "method", "GET", "route",
                            route, "code", "200");
                }
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aMethodNotAllowedIsCountedUnderItsTemplateAndAnUnknownPathAsNotFound() {
        AppMetrics app = AppMetrics.builder("demo").build();
        DemoServer server = DemoServer.builder("t").port(0).router(router(TEMPLATES), app).start();
        try {
            assertEquals(405, TestHttp.post(server.uri("/images/42/"), "text/plain", "x").statusCode());
            assertEquals(404, TestHttp.get(server.uri("/images/42/raw/x")).statusCode());
            MetricValues values = MetricValues.of(app);
            values.awaitValue(Duration.ofSeconds(10), 1.0, "demo_requests_total", "method", "POST", "route",
                    "/images/{id}", "code", "405");
            values.awaitValue(Duration.ofSeconds(10), 1.0, "demo_requests_total", "method", "GET", "route",
                    "NOT_FOUND", "code", "404");
        } finally {
            server.stop();
        }
    }

    @Test
    void concurrentRequestsEachReadTheirOwnParameters() throws Exception {
        int parallel = 8;
        CyclicBarrier together = new CyclicBarrier(parallel);
        Router router = new Router().on("GET", "/images/{id}", ex -> {
            try {
                together.await(30, TimeUnit.SECONDS);   // all routed before any handler reads its parameter
            } catch (Exception e) {
                throw new IllegalStateException("the other requests never arrived", e);
            }
            Responses.text(ex, 200, "text/plain", Router.param(ex, "id"));
        });
        DemoServer server = DemoServer.builder("t").port(0).router(router, AppMetrics.builder("t").build()).start();
        try {
            List<CompletableFuture<java.net.http.HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                sent.add(TestHttp.getAsync(server.uri("/images/" + i)));
            }
            for (int i = 0; i < parallel; i++) {
                assertEquals(String.valueOf(i), sent.get(i).get(30, TimeUnit.SECONDS).body());
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void templatesFollowTheLibrarysSyntaxAndTwoThatMatchTheSamePathsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Router().on("GET", "/images/{id}", says("a")).on("GET", "/images/{name}/", says("b")));
        assertEquals("Route templates \"/images/{id}\" and \"/images/{name}/\" match the same paths (a trailing slash"
                + " and variable names do not tell routes apart): declare only one of them.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Router().on("GET", "/images/{image-id}", says("a")));
        assertEquals("Route template \"/images/{image-id}\" is invalid: segment \"{image-id}\" must be either literal"
                + " text or one whole variable such as {id}. Declare templates like \"/images/{id}\" or"
                + " \"/users/{user}/albums/{album}\".", e.getMessage());
    }

    @Test
    void servedWithoutTheMetricsFilterItAnswers500RatherThanShareParametersBetweenRequests() throws Exception {
        HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bare.createContext("/", router(TEMPLATES));
        bare.start();
        try (LogCapture log = new LogCapture(Router.class.getName(), Level.SEVERE, LogRecord::getMessage)) {
            assertEquals(500, TestHttp.get(bare.getAddress().getPort(), "/images/42").statusCode());
            assertEquals(List.of("Router served without HttpServerMetrics' filter in front: the exchange's attributes"
                    + " are its context's, shared by concurrent requests. Add the filter (http.instrument(context))"
                    + " before the router, as DemoServer does."), log.lines());
        } finally {
            bare.stop(0);
        }
    }
}
