package dev.lucidmetrics.examples.jetty;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.executor.ExecutorMetrics;
import dev.lucidmetrics.core.exposition.MetricsServer;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.logging.LogbackEventCounter;
import dev.lucidmetrics.servlet.MetricsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ExecutorThreadPool;

/** The order service on Jetty, with its metrics on a port of their own; {@link #close()} stops both. */
final class ShopServer implements AutoCloseable {

    final AppMetrics app;
    private final Server jetty;
    private final MetricsServer metrics;

    private ShopServer(AppMetrics app, Server jetty, MetricsServer metrics) {
        this.app = app;
        this.jetty = jetty;
        this.metrics = metrics;
    }

    /** Starts the service on {@code port} (0: a free one) and its metrics where {@code config} says. */
    static ShopServer start(int port, MetricsConfig config) throws Exception {
        // snippet example
        AppMetrics app = AppMetrics.builder("shop").config(config).versionFrom(ShopServer.class).build();
        JvmMetrics.builder().config(config).register(app);
        HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/orders", "/orders/{id}").register();
        LogbackEventCounter.install(LogEventMetrics.of(app));                   // shop_log_events_total{level}
        ThreadPoolExecutor threads = ExecutorMetrics.of(app).monitor("jetty",  // shop_executor_*{executor="jetty"}
                new ThreadPoolExecutor(32, 32, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>()));

        Server jetty = new Server(new ExecutorThreadPool(threads));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(MetricsFilter.of(http)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new OrdersServlet()), "/orders/*");
        // end snippet example
        context.addServlet(new ServletHolder(new Health()), "/health");
        jetty.setHandler(context);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.start();
        return new ShopServer(app, jetty, MetricsServer.builder(app).config(config).start());
    }

    int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    MetricsServer metrics() {
        return metrics;
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            metrics.close();
        }
    }

    /** {@code GET /health}: 200 "ok" while the service runs (not counted: a default exclusion). */
    private static final class Health extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("ok\n");
        }
    }
}
