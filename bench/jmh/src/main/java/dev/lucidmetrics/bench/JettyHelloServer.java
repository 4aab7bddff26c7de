package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsServer;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.servlet.MetricsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Servlet filter's cost: a hello-world servlet on Jetty 12 (ee10, its default thread pool), bare or with
 * metrics-servlet's {@link MetricsFilter} on {@code /*} (and the metrics on a port of their own, which nobody
 * scrapes during the run). bench/run.sh drives the two with wrk, alternating, like {@link HelloServer}.
 * Usage: {@code java -cp benchmarks.jar dev.lucidmetrics.bench.JettyHelloServer bare|instrumented PORT METRICS_PORT}
 */
public final class JettyHelloServer {
    private static final byte[] BODY = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private JettyHelloServer() {
    }

    /** Answers every GET with the same small body, its length declared. */
    static final class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain; charset=utf-8");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("bare") || args[0].equals("instrumented"))) {
            throw new IllegalArgumentException("usage: JettyHelloServer bare|instrumented PORT METRICS_PORT");
        }
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[1]));
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Hello()), "/hello");
        MetricsServer metrics = null;
        if (args[0].equals("instrumented")) {
            AppMetrics app = AppMetrics.builder("hello").backend("simpleclient").build();
            HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/hello").register();
            context.addFilter(new FilterHolder(MetricsFilter.of(http)), "/*", EnumSet.of(DispatcherType.REQUEST));
            metrics = MetricsServer.builder(app).host("127.0.0.1").port(Integer.parseInt(args[2])).start();
        }
        jetty.setHandler(context);
        jetty.start();
        MetricsServer started = metrics;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception e) {
                System.err.println("JettyHelloServer: stopping failed: " + e);
            }
            if (started != null) {
                started.close();
            }
        }));
        System.out.println("JettyHelloServer " + args[0] + " listening on 127.0.0.1:" + connector.getLocalPort());
    }
}
