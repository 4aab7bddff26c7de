package dev.lucidmetrics.core.config;

import dev.lucidmetrics.core.internal.BasicAuthRule;
import dev.lucidmetrics.core.internal.VirtualThreads;

/**
 * How an app exposes its metrics, read from the environment (12-factor): plain settings, with no behaviour. The
 * builders that act on them take the whole object — {@code AppMetrics.builder(ns).config(config)},
 * {@code JvmMetrics.builder().config(config)}, {@code Exposition.expose(app, server, config)} — so every app reads
 * its settings the same way. Every variable is optional:
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>accepted form</th><th>default</th></tr>
 * <tr><td>{@code METRICS_PORT}</td><td>0-65535; 0 serves on the app's own server</td><td>0</td></tr>
 * <tr><td>{@code METRICS_HOST}</td><td>bind address of the separate metrics port</td><td>0.0.0.0</td></tr>
 * <tr><td>{@code METRICS_PATH}</td><td>a path starting with '/'</td><td>/metrics (or the app's own default)</td></tr>
 * <tr><td>{@code APP_VERSION}</td><td>any text, for {@code <ns>_build_info}</td><td>the jar manifest's, else
 * "unknown"</td></tr>
 * <tr><td>{@code APP_REVISION}</td><td>any text (a commit id)</td><td>"unknown"</td></tr>
 * <tr><td>{@code METRICS_CREATED_SERIES}</td><td>true/false</td><td>false</td></tr>
 * <tr><td>{@code METRICS_JVM_DEADLOCK_DETECTION}</td><td>true/false</td><td>true</td></tr>
 * <tr><td>{@code METRICS_VIRTUAL_THREADS}</td><td>true/false; true needs Java 21+</td><td>false</td></tr>
 * <tr><td>{@code METRICS_AUTH_USER}</td><td>a user name without ':'; needs the password file</td><td>no
 * authentication</td></tr>
 * <tr><td>{@code METRICS_AUTH_PASSWORD_FILE}</td><td>a readable file holding the password (one trailing newline
 * is dropped); never the password itself in the environment</td><td>—</td></tr>
 * </table>
 * An invalid value fails at startup naming the variable and the accepted form. A short {@code Main}:
 * <pre>{@code
 * MetricsConfig config = MetricsConfig.fromEnvironment();
 * AppMetrics app = AppMetrics.builder("image_gallery").config(config).versionFrom(Main.class).build();
 * JvmMetrics.builder().config(config).register(app);
 * HttpServer server = HttpServer.create(new InetSocketAddress(8010), 0);
 * AutoCloseable metrics = Exposition.expose(app, server, config);   // /metrics on 8010, or on METRICS_PORT
 * }</pre>
 */
public final class MetricsConfig {

    /** The default scrape path. */
    public static final String DEFAULT_PATH = "/metrics";

    private final int port;
    private final String host;
    private final String path;
    private final String version;
    private final String revision;
    private final boolean createdSeries;
    private final boolean jvmDeadlockDetection;
    private final boolean virtualThreads;
    private final String authUser;
    private final String authPassword;

    private MetricsConfig(EnvConfig env, String defaultPath) {
        this.port = env.port("METRICS_PORT", 0);
        this.host = env.string("METRICS_HOST", "0.0.0.0");
        this.path = env.path("METRICS_PATH", defaultPath);
        this.version = env.raw("APP_VERSION");
        this.revision = env.raw("APP_REVISION");
        this.createdSeries = env.bool("METRICS_CREATED_SERIES", false);
        this.jvmDeadlockDetection = env.bool("METRICS_JVM_DEADLOCK_DETECTION", true);
        this.virtualThreads = env.bool("METRICS_VIRTUAL_THREADS", false);
        if (virtualThreads) {
            VirtualThreads.requireAvailable("METRICS_VIRTUAL_THREADS=true");
        }
        this.authUser = env.raw("METRICS_AUTH_USER");
        this.authPassword = authPassword(env, authUser);
    }

    /** The password in METRICS_AUTH_PASSWORD_FILE, null without authentication; every bad setting named. */
    private static String authPassword(EnvConfig env, String user) {
        if (env.raw("METRICS_AUTH_PASSWORD") != null) {
            throw new IllegalArgumentException("METRICS_AUTH_PASSWORD is set: a password in the environment shows in"
                    + " process listings and crash dumps. Write it to a file (a mounted secret) and set"
                    + " METRICS_AUTH_PASSWORD_FILE to its path instead.");
        }
        String file = env.raw("METRICS_AUTH_PASSWORD_FILE");
        if (user == null && file == null) {
            return null;
        }
        if (user == null) {
            throw new IllegalArgumentException("METRICS_AUTH_PASSWORD_FILE is set but METRICS_AUTH_USER is not: set"
                    + " the user name too, such as METRICS_AUTH_USER=prometheus.");
        }
        if (file == null) {
            throw new IllegalArgumentException("METRICS_AUTH_USER=\"" + user + "\" is set but"
                    + " METRICS_AUTH_PASSWORD_FILE is not: point it at a file holding the password, such as"
                    + " METRICS_AUTH_PASSWORD_FILE=/run/secrets/metrics_password.");
        }
        String password = env.secretFile("METRICS_AUTH_PASSWORD_FILE", file);
        BasicAuthRule.check("METRICS_AUTH_USER", user, "The password in METRICS_AUTH_PASSWORD_FILE=\"" + file + "\"",
                password);
        return password;
    }

    /** Settings from the process environment, with {@code /metrics} as the default path. */
    public static MetricsConfig fromEnvironment() {
        return from(EnvConfig.fromSystem());
    }

    /** Settings from {@code env}, with {@code /metrics} as the default path. */
    public static MetricsConfig from(EnvConfig env) {
        return from(env, DEFAULT_PATH);
    }

    /** Settings from {@code env}, with an app-specific default path such as {@code /actuator/prometheus}. */
    public static MetricsConfig from(EnvConfig env, String defaultPath) {
        if (env == null) {
            throw new IllegalArgumentException("env is null: pass EnvConfig.fromSystem() or EnvConfig.of(map).");
        }
        return new MetricsConfig(env, defaultPath);
    }

    /** {@code METRICS_PORT}: 0 when the metrics are served on the app's own server. */
    public int port() {
        return port;
    }

    /** {@code METRICS_HOST}: the bind address of the separate metrics port. */
    public String host() {
        return host;
    }

    /** {@code METRICS_PATH}, or the default path. */
    public String path() {
        return path;
    }

    /** {@code APP_VERSION}, or null when unset. */
    public String version() {
        return version;
    }

    /** {@code APP_REVISION}, or null when unset. */
    public String revision() {
        return revision;
    }

    /** {@code METRICS_CREATED_SERIES}: whether to expose simpleclient's {@code _created} series. */
    public boolean createdSeries() {
        return createdSeries;
    }

    /** {@code METRICS_VIRTUAL_THREADS}: whether a separate metrics server serves each scrape on a virtual thread. */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /** {@code METRICS_AUTH_USER}: the user HTTP basic auth requires for the metrics path, or null for none. */
    public String authUser() {
        return authUser;
    }

    /** The password read from {@code METRICS_AUTH_PASSWORD_FILE}, or null without authentication. */
    public String authPassword() {
        return authPassword;
    }

    /** {@code METRICS_JVM_DEADLOCK_DETECTION}: whether JVM metrics run deadlock detection on each scrape. */
    public boolean jvmDeadlockDetection() {
        return jvmDeadlockDetection;
    }
}
