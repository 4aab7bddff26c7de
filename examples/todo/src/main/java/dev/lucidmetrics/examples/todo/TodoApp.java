package dev.lucidmetrics.examples.todo;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.exposition.MetricsEndpoint;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The to-do service of docs/tutorial.md: the list, its JSON API under {@code /tasks} and {@code GET /health} on the
 * JDK's HTTP server, with its metrics at {@code /metrics}. Settings: {@code PORT} (8020) and the library's
 * {@code METRICS_*} and {@code APP_VERSION} (see MetricsConfig).
 */
final class TodoApp implements AutoCloseable {

    static final int DEFAULT_PORT = 8020;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final MetricsEndpoint endpoint;
    private final AppMetrics metrics;

    private TodoApp(EnvConfig env) throws IOException {
        int port = env.port("PORT", DEFAULT_PORT);
        MetricsConfig config = MetricsConfig.from(env);            // METRICS_PORT, METRICS_PATH, APP_VERSION, ...
        AppMetrics app = AppMetrics.builder("todo").config(config).versionFrom(TodoApp.class).build();
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        MetricsEndpoint endpoint = MetricsEndpoint.expose(app, server, config);   // GET /metrics on the app's port

        Counter created = app.counter("tasks_added_total").help("Tasks added since the service started.")
                .register();
        Tasks tasks = new Tasks(created::inc);                     // the list counts each task it creates

        app.gauge("open_tasks").help("Tasks not done yet.").registerCallback(tasks::open);   // read at each scrape

        HttpServerMetrics http = HttpServerMetrics.builder(app)
                .routes("/tasks", "/tasks/{id}", "/tasks/{id}/complete")
                .register();
        http.instrument(server.createContext("/tasks", new TasksApi(tasks)));
        server.createContext("/health", Health::handle);           // probes are not traffic: left out

        JvmMetrics.builder().config(config).register(app);          // jvm_*, process_*: once per app

        server.setExecutor(executor);
        server.start();
        this.server = server;
        this.endpoint = endpoint;
        this.metrics = app;
    }

    /**
     * Starts the service with the settings in {@code env}; an invalid setting or a port in use throws, naming the
     * setting.
     */
    static TodoApp start(EnvConfig env) {
        try {
            return new TodoApp(env);
        } catch (BindException e) {
            throw new UncheckedIOException("PORT=" + env.port("PORT", DEFAULT_PORT) + " is in use (" + e.getMessage()
                    + "): stop what listens there or choose another PORT.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the to-do service: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    AppMetrics metrics() {
        return metrics;
    }

    /** Where the metrics answer: this server's port, or METRICS_PORT's. */
    URI metricsUrl() {
        return endpoint.url();
    }

    /**
     * Stops at once (the JDK 17 server's {@code stop(n)} always waits the n seconds), then stops serving the
     * metrics.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        endpoint.close();
    }
}
