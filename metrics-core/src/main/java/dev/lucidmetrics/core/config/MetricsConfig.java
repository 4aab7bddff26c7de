package dev.lucidmetrics.core.config;

import dev.lucidmetrics.core.internal.BasicAuthRule;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.PathRule;
import dev.lucidmetrics.core.model.HistogramKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How an app exposes its metrics: settings only, each of them set or unset. Read them from the environment
 * (12-factor) or build them in code; the library's builders take the whole object and apply one precedence to every
 * setting, whatever the order of the calls: <b>an explicit builder call, else the setting, else the default</b>.
 * <pre>{@code
 * MetricsConfig config = MetricsConfig.fromEnvironment();
 * AppMetrics app = AppMetrics.builder("image_gallery").config(config).versionFrom(Main.class).build();
 * JvmMetrics.builder().config(config).register(app);
 * HttpServer server = HttpServer.create(new InetSocketAddress(8010), 0);
 * MetricsEndpoint metrics = MetricsEndpoint.expose(app, server, config);   // on 8010, or on METRICS_PORT
 * System.out.println("metrics at " + metrics.url());
 * }</pre>
 * <table>
 * <caption>Environment variables (every one optional)</caption>
 * <tr><th>variable</th><th>accepted form</th><th>unset means</th></tr>
 * <tr><td>{@code METRICS_PORT}</td><td>1-65535: a metrics server of their own on that port; 0: on the app's own
 * server</td><td>on the app's own server</td></tr>
 * <tr><td>{@code METRICS_HOST}</td><td>bind address of the metrics server of their own</td><td>0.0.0.0</td></tr>
 * <tr><td>{@code METRICS_PATH}</td><td>a path starting with '/'</td><td>/metrics (or the app's own default)</td></tr>
 * <tr><td>{@code APP_VERSION}</td><td>any text, for {@code <ns>_build_info}</td><td>the jar manifest's, else
 * "unknown"</td></tr>
 * <tr><td>{@code APP_REVISION}</td><td>any text (a commit id)</td><td>"unknown"</td></tr>
 * <tr><td>{@code METRICS_CREATED_SERIES}</td><td>true/false</td><td>false</td></tr>
 * <tr><td>{@code METRICS_JVM_DEADLOCK_DETECTION}</td><td>true/false</td><td>true</td></tr>
 * <tr><td>{@code METRICS_BACKEND}</td><td>a backend's name: {@code simpleclient} or {@code client_java}; for a
 * class path that has both</td><td>the one backend on the class path</td></tr>
 * <tr><td>{@code METRICS_HISTOGRAM_KIND}</td><td>{@code classic}, {@code native} or {@code both}: how the app's
 * histograms count (native and both need the client_java backend); a histogram's own {@code kind(...)}
 * wins</td><td>classic</td></tr>
 * <tr><td>{@code METRICS_VIRTUAL_THREADS}</td><td>true/false; true needs Java 21+</td><td>false</td></tr>
 * <tr><td>{@code METRICS_AUTH_USER}</td><td>a user name without ':'; needs the password file</td><td>no
 * authentication</td></tr>
 * <tr><td>{@code METRICS_AUTH_PASSWORD_FILE}</td><td>a readable file holding the password (one trailing newline
 * is dropped); never the password itself in the environment</td><td>—</td></tr>
 * <tr><td>{@code METRICS_HEADER_TIMEOUT}</td><td>a positive duration ({@code 500ms}, {@code 5s}, {@code PT5S}):
 * how long a request's line and headers may take</td><td>5s</td></tr>
 * <tr><td>{@code METRICS_RESPONSE_TIMEOUT}</td><td>a positive duration: how long a response may take from the
 * request's head to its last byte</td><td>30s</td></tr>
 * <tr><td>{@code METRICS_TLS_KEYSTORE}</td><td>a PKCS#12 file with the server's key and certificate chain: the
 * metrics server of their own speaks HTTPS; needs the password file</td><td>plain HTTP</td></tr>
 * <tr><td>{@code METRICS_TLS_KEYSTORE_PASSWORD_FILE}</td><td>a readable file holding the keystore's
 * password</td><td>—</td></tr>
 * </table>
 * An invalid value fails at start-up naming the variable and the accepted form. An app whose own default differs
 * from the library's (a path such as {@code /actuator/prometheus}) layers the environment over it with
 * {@link #orElse}.
 */
public final class MetricsConfig {

    private static final MetricsConfig EMPTY = new Builder().build();

    private final Integer port;
    private final String host;
    private final String path;
    private final String version;
    private final String revision;
    private final Boolean createdSeries;
    private final Boolean jvmDeadlockDetection;
    private final Boolean virtualThreads;
    private final String backend;
    private final HistogramKind histogramKind;
    private final String authUser;
    private final String authPassword;
    private final Duration headerTimeout;
    private final Duration responseTimeout;
    private final Path tlsKeystore;
    private final String tlsKeystorePassword;

    private MetricsConfig(Builder b) {
        this.port = b.port;
        this.host = b.host;
        this.path = b.path;
        this.version = b.version;
        this.revision = b.revision;
        this.createdSeries = b.createdSeries;
        this.jvmDeadlockDetection = b.jvmDeadlockDetection;
        this.virtualThreads = b.virtualThreads;
        this.backend = b.backend;
        this.histogramKind = b.histogramKind;
        this.authUser = b.authUser;
        this.authPassword = b.authPassword;
        this.headerTimeout = b.headerTimeout;
        this.responseTimeout = b.responseTimeout;
        this.tlsKeystore = b.tlsKeystore;
        this.tlsKeystorePassword = b.tlsKeystorePassword;
    }

    /** Settings built in code; every setting not given stays unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** No setting set: every builder then uses its explicit calls and its defaults. */
    public static MetricsConfig empty() {
        return EMPTY;
    }

    /** Settings from the process environment. */
    public static MetricsConfig fromEnvironment() {
        return from(EnvConfig.fromSystem());
    }

    /** Settings from {@code env}, such as {@code EnvConfig.of(Map.of("METRICS_PORT", "9400"))} in a test. */
    public static MetricsConfig from(EnvConfig env) {
        return MetricsEnvironment.read(Checks.notNull("env", env, "pass EnvConfig.fromSystem() or EnvConfig.of(map)"));
    }

    /**
     * These settings, with every one that is unset here taken from {@code fallback}: for an app whose defaults
     * differ from the library's, such as
     * {@code MetricsConfig.fromEnvironment().orElse(MetricsConfig.builder().path("/actuator/prometheus").build())}.
     */
    public MetricsConfig orElse(MetricsConfig fallback) {
        Checks.notNull("fallback", fallback, "pass the settings to fall back on, such as MetricsConfig.empty()");
        Builder b = new Builder();
        b.port = port != null ? port : fallback.port;
        b.host = host != null ? host : fallback.host;
        b.path = path != null ? path : fallback.path;
        b.version = version != null ? version : fallback.version;
        b.revision = revision != null ? revision : fallback.revision;
        b.createdSeries = createdSeries != null ? createdSeries : fallback.createdSeries;
        b.jvmDeadlockDetection = jvmDeadlockDetection != null ? jvmDeadlockDetection : fallback.jvmDeadlockDetection;
        b.virtualThreads = virtualThreads != null ? virtualThreads : fallback.virtualThreads;
        b.backend = backend != null ? backend : fallback.backend;
        b.histogramKind = histogramKind != null ? histogramKind : fallback.histogramKind;
        boolean ownAuth = authUser != null;
        b.authUser = ownAuth ? authUser : fallback.authUser;
        b.authPassword = ownAuth ? authPassword : fallback.authPassword;
        b.headerTimeout = headerTimeout != null ? headerTimeout : fallback.headerTimeout;
        b.responseTimeout = responseTimeout != null ? responseTimeout : fallback.responseTimeout;
        boolean ownTls = tlsKeystore != null;
        b.tlsKeystore = ownTls ? tlsKeystore : fallback.tlsKeystore;
        b.tlsKeystorePassword = ownTls ? tlsKeystorePassword : fallback.tlsKeystorePassword;
        return b.build();
    }

    /** {@code METRICS_PORT}: a port for a metrics server of their own; 0 means on the app's own server. */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    /** {@code METRICS_HOST}: the bind address of the metrics server of their own. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** {@code METRICS_PATH}: the exact path of the metrics. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /**
     * {@code METRICS_BACKEND}: the backend to run on, by name, for a class path that has more than one (the demos
     * carry both); {@code AppMetrics.builder(ns).config(config)} applies it, and an explicit {@code backend(...)}
     * wins.
     */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /**
     * {@code METRICS_HISTOGRAM_KIND}: how the app's histograms count, classic buckets, a native histogram or both;
     * {@code AppMetrics.builder(ns).config(config)} applies it, and an explicit {@code histogramKind(...)} on the app
     * builder or {@code kind(...)} on a histogram's wins.
     */
    public Optional<HistogramKind> histogramKind() {
        return Optional.ofNullable(histogramKind);
    }

    /** {@code APP_VERSION}: the version for {@code <ns>_build_info}. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** {@code APP_REVISION}: the revision (commit) for {@code <ns>_build_info}. */
    public Optional<String> revision() {
        return Optional.ofNullable(revision);
    }

    /** {@code METRICS_CREATED_SERIES}: whether to expose the {@code _created} series. */
    public Optional<Boolean> createdSeries() {
        return Optional.ofNullable(createdSeries);
    }

    /** {@code METRICS_JVM_DEADLOCK_DETECTION}: whether JVM metrics run deadlock detection on each scrape. */
    public Optional<Boolean> jvmDeadlockDetection() {
        return Optional.ofNullable(jvmDeadlockDetection);
    }

    /** {@code METRICS_VIRTUAL_THREADS}: whether a metrics server of their own serves each scrape on a virtual thread. */
    public Optional<Boolean> virtualThreads() {
        return Optional.ofNullable(virtualThreads);
    }

    /** {@code METRICS_AUTH_USER}: the user HTTP basic auth requires for the metrics path. */
    public Optional<String> authUser() {
        return Optional.ofNullable(authUser);
    }

    /** The password read from {@code METRICS_AUTH_PASSWORD_FILE}, present exactly when {@link #authUser()} is. */
    public Optional<String> authPassword() {
        return Optional.ofNullable(authPassword);
    }

    /** {@code METRICS_HEADER_TIMEOUT}: how long a request's line and headers may take from its first byte. */
    public Optional<Duration> headerTimeout() {
        return Optional.ofNullable(headerTimeout);
    }

    /** {@code METRICS_RESPONSE_TIMEOUT}: how long a response may take from the request's head to its last byte. */
    public Optional<Duration> responseTimeout() {
        return Optional.ofNullable(responseTimeout);
    }

    /** {@code METRICS_TLS_KEYSTORE}: the PKCS#12 keystore a metrics server of their own serves HTTPS with. */
    public Optional<Path> tlsKeystore() {
        return Optional.ofNullable(tlsKeystore);
    }

    /**
     * The keystore's password, read from {@code METRICS_TLS_KEYSTORE_PASSWORD_FILE}; present exactly when
     * {@link #tlsKeystore()} is.
     */
    public Optional<String> tlsKeystorePassword() {
        return Optional.ofNullable(tlsKeystorePassword);
    }

    /** The settings that are set, the passwords masked. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MetricsConfig{");
        append(s, "port", port);
        append(s, "host", host);
        append(s, "path", path);
        append(s, "version", version);
        append(s, "revision", revision);
        append(s, "createdSeries", createdSeries);
        append(s, "jvmDeadlockDetection", jvmDeadlockDetection);
        append(s, "backend", backend);
        append(s, "histogramKind", histogramKind == null ? null : histogramKind.settingValue());
        append(s, "virtualThreads", virtualThreads);
        append(s, "authUser", authUser);
        append(s, "authPassword", authPassword == null ? null : "****");
        append(s, "headerTimeout", headerTimeout);
        append(s, "responseTimeout", responseTimeout);
        append(s, "tlsKeystore", tlsKeystore);
        append(s, "tlsKeystorePassword", tlsKeystorePassword == null ? null : "****");
        return s.append('}').toString().replace("{, ", "{");
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(", ").append(name).append('=').append(value);
        }
    }

    /** Builds {@link MetricsConfig}; each value is checked where it is passed. */
    public static final class Builder {
        private Integer port;
        private String host;
        private String path;
        private String version;
        private String revision;
        private Boolean createdSeries;
        private Boolean jvmDeadlockDetection;
        private Boolean virtualThreads;
        private String backend;
        private HistogramKind histogramKind;
        private String authUser;
        private String authPassword;
        private Duration headerTimeout;
        private Duration responseTimeout;
        private Path tlsKeystore;
        private String tlsKeystorePassword;

        private Builder() {
        }

        /** A port for a metrics server of their own (1-65535), or 0 for the app's own server. */
        public Builder port(int port) {
            this.port = Checks.port("port", port, "the app's own server");
            return this;
        }

        /** The bind address of the metrics server of their own, such as {@code "127.0.0.1"}. */
        public Builder host(String host) {
            this.host = Checks.text("host", host, "0.0.0.0");
            return this;
        }

        /** The exact metrics path, such as {@code "/actuator/prometheus"}. */
        public Builder path(String path) {
            this.path = PathRule.check("Metrics path", path);
            return this;
        }

        /** The version for {@code <ns>_build_info}. */
        public Builder version(String version) {
            this.version = Checks.text("version", version, "1.0.0");
            return this;
        }

        /** The revision (commit) for {@code <ns>_build_info}. */
        public Builder revision(String revision) {
            this.revision = Checks.text("revision", revision, "3f2a9c1");
            return this;
        }

        /** Whether to expose the {@code _created} series. */
        public Builder createdSeries(boolean enabled) {
            this.createdSeries = enabled;
            return this;
        }

        /** Whether JVM metrics run deadlock detection on each scrape. */
        public Builder jvmDeadlockDetection(boolean enabled) {
            this.jvmDeadlockDetection = enabled;
            return this;
        }

        /** Whether a metrics server of their own serves each scrape on a virtual thread (Java 21+). */
        public Builder virtualThreads(boolean enabled) {
            this.virtualThreads = enabled;
            return this;
        }

        /** The backend to run on, by name, such as {@code "client_java"}. */
        public Builder backend(String name) {
            this.backend = Checks.text("backend", name, "simpleclient");
            return this;
        }

        /** How the app's histograms count: {@code HistogramKind.CLASSIC}, {@code NATIVE} or {@code BOTH}. */
        public Builder histogramKind(HistogramKind kind) {
            this.histogramKind = Checks.notNull("histogramKind", kind, "pass HistogramKind.CLASSIC, NATIVE or BOTH");
            return this;
        }

        /** HTTP basic auth for the metrics path: one user and its password. */
        public Builder basicAuth(String user, String password) {
            BasicAuthRule.check("Basic auth user", user, "Basic auth password", password);
            this.authUser = user;
            this.authPassword = password;
            return this;
        }

        /** How long a request's line and headers may take from its first byte, such as 5 seconds. */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = Checks.positive("headerTimeout", timeout, "Duration.ofSeconds(5)");
            return this;
        }

        /** How long a response may take from the request's head to its last byte, such as 30 seconds. */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Checks.positive("responseTimeout", timeout, "Duration.ofSeconds(30)");
            return this;
        }

        /**
         * HTTPS for a metrics server of their own: a PKCS#12 keystore holding the server's key and certificate
         * chain, and its password (read from a secret file rather than written in code). Checked when the server
         * starts.
         */
        public Builder tls(Path keystore, String password) {
            this.tlsKeystore = Checks.notNull("TLS keystore", keystore, "pass the path of a PKCS#12 file");
            this.tlsKeystorePassword = Checks.notNull("TLS keystore password", password,
                    "pass the keystore's password, read from a secret file");
            return this;
        }

        public MetricsConfig build() {
            return new MetricsConfig(this);
        }
    }
}
