package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import java.util.List;

/**
 * Serves an app's metrics the way its settings say: on the app's own server at {@code METRICS_PATH} when
 * {@code METRICS_PORT} is 0 (the default), else on a {@link MetricsServer} of their own on that port; either way
 * with {@code /-/healthy} next to them and basic auth when {@code METRICS_AUTH_USER} is set.
 * <pre>{@code
 * AutoCloseable metrics = Exposition.expose(app, server, MetricsConfig.fromEnvironment());
 * // METRICS_PORT unset: GET http://app:8010/metrics     METRICS_PORT=9400: GET http://app:9400/metrics
 * }</pre>
 */
public final class Exposition {

    private Exposition() {
    }

    /**
     * Mounts a {@link MetricsHandler} on {@code appServer}, or starts a {@link MetricsServer}. Closing the result
     * removes the context, or stops that server after its running scrapes.
     */
    public static AutoCloseable expose(AppMetrics app, HttpServer appServer, MetricsConfig config) {
        Checks.notNull("app", app, "pass the AppMetrics whose metrics to serve");
        Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
        if (config.port() != 0) {
            return MetricsServer.builder(app).config(config).start();
        }
        Checks.notNull("appServer", appServer, "pass the app's HttpServer, or set METRICS_PORT for a server of"
                + " their own");
        List<HttpContext> mounted = MetricsHandler.builder(app).config(config).build().mountAll(appServer);
        return () -> mounted.forEach(appServer::removeContext);
    }
}
