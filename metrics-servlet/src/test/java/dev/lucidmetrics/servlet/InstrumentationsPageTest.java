package dev.lucidmetrics.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsServer;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The Servlet section of docs/instrumentations.md, compiled and run on Jetty: the page shows the code as written
 * here and the exposition lines it produces. scripts/consumer-test runs the same code from the page, outside this
 * build.
 */
class InstrumentationsPageTest {

    /** The servlet of the page's example: answers {@code /orders/<id>}, 404 for anything else. */
    static final class OrdersServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("order " + request.getPathInfo());
        }
    }

    @Test
    void theServletSectionShowsItsCodeAndWhatItExposes() throws Exception {
        int port = 0;
        int metricsPort = 0;
        // snippet servlet
        AppMetrics app = AppMetrics.builder("shop").build();
        HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/orders/{id}").register();

        Server jetty = new Server(port);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(MetricsFilter.of(http)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new OrdersServlet()), "/orders/*");
        jetty.setHandler(context);
        jetty.start();
        MetricsServer metrics = MetricsServer.builder(app).port(metricsPort).start();   // GET /metrics, a port of its own
        // end snippet servlet
        try {
            int jettyPort = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            assertEquals(200, TestHttp.get(jettyPort, "/orders/42").statusCode());
            assertEquals(404, TestHttp.get(jettyPort, "/nowhere").statusCode());
            MetricValues.of(app).awaitValue(Duration.ofSeconds(10), 1.0, "shop_requests_total", "method", "GET",
                    "route", "NOT_FOUND", "code", "404");
            String shown = TestHttp.get(metrics.url()).body().lines()
                    .filter(l -> !l.startsWith("#") && l.startsWith("shop_") && !l.contains("_bucket{")
                            && !l.contains("_sum{") && !l.startsWith("shop_build_info"))
                    .sorted().collect(Collectors.joining("\n"));
            DocSnippets page = DocSnippets.of("docs/instrumentations.md", InstrumentationsPageTest.class);
            page.assertShows("servlet");
            page.assertShowsSamples("the Servlet filter's lines", shown);
        } finally {
            metrics.close();
            jetty.stop();
        }
    }
}
