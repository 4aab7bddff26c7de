package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import java.net.URI;
import java.util.List;

/**
 * An app's metrics, served where its settings say: on the app's own server at {@code METRICS_PATH} when
 * {@code METRICS_PORT} is unset (or 0), else on a {@link MetricsServer} of their own on that port; either way with
 * {@code /-/healthy} next to them and basic auth when {@code METRICS_AUTH_USER} is set; over HTTPS when
 * {@code METRICS_TLS_KEYSTORE} is set too (which needs {@code METRICS_PORT}: the app's own server serves what it
 * serves). Every setting of the server of their own applies ({@link MetricsServer.Builder#config}). It knows where
 * it answers:
 * <pre>{@code
 * MetricsEndpoint metrics = MetricsEndpoint.expose(app, server, MetricsConfig.fromEnvironment());
 * System.out.println("metrics at " + metrics.url());
 * // METRICS_PORT unset: http://localhost:8010/metrics     METRICS_PORT=9400: http://localhost:9400/metrics
 * }</pre>
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final URI url;
    private final Runnable stop;

    private MetricsEndpoint(URI url, Runnable stop) {
        this.url = url;
        this.stop = stop;
    }

    /**
     * Mounts a {@link MetricsHandler} on {@code appServer}, or starts a {@link MetricsServer}, as {@code config}
     * says. Closing the result removes the contexts, or stops that server after its running scrapes.
     */
    public static MetricsEndpoint expose(AppMetrics app, HttpServer appServer, MetricsConfig config) {
        Checks.notNull("app", app, "pass the AppMetrics whose metrics to serve");
        Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
        if (config.port().filter(p -> p != 0).isPresent()) {
            MetricsServer server = MetricsServer.builder(app).config(config).start();
            return new MetricsEndpoint(server.url(), server::close);
        }
        if (config.tlsKeystore().isPresent()) {   // the app's server speaks what it speaks: never TLS in name only
            throw new IllegalArgumentException("METRICS_TLS_KEYSTORE=\"" + config.tlsKeystore().get() + "\" is set"
                    + " but METRICS_PORT is not: the metrics would be served on the app's own server, without that"
                    + " keystore. Set METRICS_PORT for a metrics server of their own, which serves HTTPS with it, or"
                    + " unset METRICS_TLS_KEYSTORE.");
        }
        Checks.notNull("appServer", appServer, "pass the app's HttpServer, or set METRICS_PORT for a server of"
                + " their own");
        MetricsHandler handler = MetricsHandler.builder(app).config(config).build();
        List<HttpContext> mounted = handler.mountAll(appServer);
        return new MetricsEndpoint(Addresses.url(appServer, handler.path()),
                () -> mounted.forEach(appServer::removeContext));
    }

    /** Where the metrics answer, such as {@code http://localhost:8010/metrics}. */
    public URI url() {
        return url;
    }

    /** The port the metrics answer on. */
    public int port() {
        return url.getPort();
    }

    /** The exact metrics path. */
    public String path() {
        return url.getPath();
    }

    /** Removes the contexts from the app's server, or stops the metrics server of their own after running scrapes. */
    @Override
    public void close() {
        stop.run();
    }
}
