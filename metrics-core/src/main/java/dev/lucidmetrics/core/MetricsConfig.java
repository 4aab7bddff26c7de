package dev.lucidmetrics.core;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.exposition.MetricsServer;

/**
 * How an app exposes its metrics, read from the environment (12-factor). Every variable is optional:
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>accepted form</th><th>default</th></tr>
 * <tr><td>{@code METRICS_PORT}</td><td>0-65535; 0 serves on the app's own server</td><td>0</td></tr>
 * <tr><td>{@code METRICS_HOST}</td><td>bind address of the separate metrics port</td><td>0.0.0.0</td></tr>
 * <tr><td>{@code METRICS_PATH}</td><td>a path starting with '/'</td><td>/metrics (or the app's own default)</td></tr>
 * <tr><td>{@code APP_VERSION}</td><td>any text, for {@code <ns>_build_info}</td><td>"unknown" (or
 * {@code versionFrom(Main.class)})</td></tr>
 * <tr><td>{@code APP_REVISION}</td><td>any text (a commit id)</td><td>"unknown"</td></tr>
 * <tr><td>{@code METRICS_CREATED_SERIES}</td><td>true/false</td><td>false</td></tr>
 * <tr><td>{@code METRICS_JVM_DEADLOCK_DETECTION}</td><td>true/false</td><td>true</td></tr>
 * </table>
 * An invalid value fails at startup naming the variable and the accepted form. A short {@code Main}:
 * <pre>{@code
 * MetricsConfig config = MetricsConfig.fromEnvironment();
 * AppMetrics app = config.appMetrics("image_gallery").build();
 * config.jvmMetrics().register(app);
 * HttpServer server = HttpServer.create(new InetSocketAddress(8010), 0);
 * AutoCloseable metrics = config.expose(app, server);   // /metrics on 8010, or on METRICS_PORT
 * }</pre>
 */
public final class MetricsConfig {

    private final int port;
    private final String host;
    private final String path;
    private final String version;
    private final String revision;
    private final boolean createdSeries;
    private final boolean jvmDeadlockDetection;

    private MetricsConfig(EnvConfig env, String defaultPath) {
        this.port = env.port("METRICS_PORT", 0);
        this.host = env.string("METRICS_HOST", "0.0.0.0");
        this.path = env.path("METRICS_PATH", defaultPath);
        this.version = env.raw("APP_VERSION");
        this.revision = env.string("APP_REVISION", "unknown");
        this.createdSeries = env.bool("METRICS_CREATED_SERIES", false);
        this.jvmDeadlockDetection = env.bool("METRICS_JVM_DEADLOCK_DETECTION", true);
    }

    /** Settings from the process environment, with {@code /metrics} as the default path. */
    public static MetricsConfig fromEnvironment() {
        return from(EnvConfig.fromSystem());
    }

    /** Settings from {@code env}, with {@code /metrics} as the default path. */
    public static MetricsConfig from(EnvConfig env) {
        return from(env, "/metrics");
    }

    /** Settings from {@code env}, with an app-specific default path such as {@code /actuator/prometheus}. */
    public static MetricsConfig from(EnvConfig env, String defaultPath) {
        if (env == null) {
            throw new IllegalArgumentException("env is null: pass EnvConfig.fromSystem() or EnvConfig.of(map).");
        }
        return new MetricsConfig(env, defaultPath);
    }

    /** An app builder with APP_VERSION (when set) and APP_REVISION applied; add common labels, then build. */
    public AppMetrics.Builder appMetrics(String namespace) {
        AppMetrics.Builder builder = AppMetrics.builder(namespace).revision(revision);
        return version == null ? builder : builder.version(version);
    }

    /** JVM metrics with the deadlock-detection switch set; call {@code register(app)}. */
    public JvmMetrics.Builder jvmMetrics() {
        return JvmMetrics.builder().threadDeadlockDetection(jvmDeadlockDetection);
    }

    /** A handler for the app's own server, with the path and {@code _created} switch set. */
    public MetricsHandler.Builder handler(AppMetrics app) {
        return MetricsHandler.builder(app).path(path).createdSeries(createdSeries);
    }

    /** A separate metrics server on {@link #port()} (which must not be 0 here), with path and switches set. */
    public MetricsServer.Builder server(AppMetrics app) {
        return MetricsServer.builder(app).host(host).port(port).path(path).createdSeries(createdSeries);
    }

    /**
     * Serves the metrics: on {@code appServer} at {@link #path()} when {@code METRICS_PORT} is 0, else on a server
     * of their own. Closing the result removes the context or stops that server.
     */
    public AutoCloseable expose(AppMetrics app, HttpServer appServer) {
        if (port != 0) {
            return server(app).start();
        }
        HttpContext context = handler(app).build().mount(appServer);
        return () -> appServer.removeContext(context);
    }

    /** 0 when the metrics are served on the app's own server. */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public String path() {
        return path;
    }

    /** APP_VERSION, or null when unset. */
    public String version() {
        return version;
    }

    public String revision() {
        return revision;
    }

    public boolean createdSeries() {
        return createdSeries;
    }

    public boolean jvmDeadlockDetection() {
        return jvmDeadlockDetection;
    }
}
