package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.InMemoryExchange;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A router names the route through {@link HttpServerMetrics#ROUTE_ATTRIBUTE}; the filter's matcher is the fallback. */
@CompatibilityKit
class RouteAttributeTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final MetricValues values = MetricValues.of(app);

    private void awaitRoute(String route, String code, double count) {
        values.awaitValue(Duration.ofSeconds(10), count, "shop_requests_total", "method", "GET", "route", route,
                "code", code);
    }

    @Test
    void theRoutersTemplateIsTheLabelAndTheFiltersMatcherTheFallback() throws Exception {
        HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/images/{id}").register();
        HttpHandler router = exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/albums/")) {
                exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, "/albums/{album}");
            }
            TestServer.respond(exchange, exchange.getRequestURI().getPath().endsWith("/gone") ? 404 : 200, "ok");
        };
        try (TestServer server = new TestServer()) {
            http.instrument(server.context("/", router));
            server.get("/albums/7");
            server.get("/albums/gone");      // the router matched; the handler said 404: still the template
            server.get("/images/42/");       // no router attribute: the filter's own matcher, slash forgiven
            server.get("/nothing/here");
            awaitRoute("/albums/{album}", "200", 1);
            awaitRoute("/albums/{album}", "404", 1);
            awaitRoute("/images/{id}", "200", 1);
            awaitRoute(HttpServerMetrics.UNMATCHED, "200", 1);
        }
    }

    @Test
    void concurrentRequestsEachKeepTheRouteTheirRouterSet() throws Exception {
        int parallel = 8;
        CyclicBarrier allRouted = new CyclicBarrier(parallel);
        HttpServerMetrics http = HttpServerMetrics.builder(app).register();
        HttpHandler router = exchange -> {
            String n = exchange.getRequestURI().getPath().substring("/t/".length());
            exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, "/t/" + n);
            try {
                allRouted.await(10, TimeUnit.SECONDS);   // every router has set its route before any is read
            } catch (Exception e) {
                throw new IllegalStateException("the other requests never arrived", e);
            }
            TestServer.respond(exchange, 200, "ok");
        };
        try (TestServer server = new TestServer()) {
            http.instrument(server.context("/", router));
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                sent.add(TestHttp.getAsync(server.uri("/t/" + i)));
            }
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                assertEquals(200, response.get(20, TimeUnit.SECONDS).statusCode());
            }
            for (int i = 0; i < parallel; i++) {
                awaitRoute("/t/" + i, "200", 1);   // the JDK's own attributes would give all eight one route
            }
        }
    }

    @Test
    void theExchangeHandedDownKeepsItsOwnAttributesAndShowsTheContextsToo() throws Exception {
        HttpServerMetrics http = HttpServerMetrics.builder(app).register();
        List<Object> seen = new ArrayList<>();
        HttpHandler handler = exchange -> {
            seen.add(exchange.getAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE));
            seen.add(exchange.getAttribute("set-by-the-context"));
            exchange.setAttribute("set-by-the-handler", "h");
            seen.add(exchange.getAttribute("set-by-the-handler"));
            seen.add(exchange.getHttpContext().getAttributes().get("set-by-the-handler"));
            TestServer.respond(exchange, 200, "ok");
        };
        try (TestServer server = new TestServer()) {
            var context = server.context("/", handler);
            context.getAttributes().put("set-by-the-context", "c");
            http.instrument(context);
            assertEquals(200, server.get("/").statusCode());
            awaitRoute("/", "200", 1);
        }
        assertNull(seen.get(0), "no route before a router sets one");
        assertEquals("c", seen.get(1), "the context's attributes stay visible");
        assertEquals("h", seen.get(2), "what the handler sets, it reads back");
        assertNull(seen.get(3), "and it stays with this exchange, out of the context shared by all exchanges");
    }

    @Test
    void anHttpsExchangeStaysAnHttpsExchangeAndOneWrapIsEnough() {
        HttpExchange https = InMemoryExchange.https("GET", URI.create("/"), "/");
        HttpExchange routed = RoutedExchange.wrap(https);
        assertInstanceOf(HttpsExchange.class, routed);
        assertEquals(routed, RoutedExchange.wrap(routed));
        routed.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, "/a/{b}");
        assertEquals("/a/{b}", routed.getAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE));
        assertNull(https.getAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE));
    }
}
