package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.AppRegistries;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.spi.BackendRegistry;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Serves an app's metrics at one exact path of its own JDK {@link HttpServer}: the Prometheus text format 0.0.4,
 * or OpenMetrics 1.0.0 when {@code Accept} prefers it (by {@code q=}); gzip when {@code Accept-Encoding} allows;
 * {@code name[]=...} to select families; GET and HEAD only; optional HTTP basic auth; and a health path
 * ({@code /-/healthy}, never behind auth) next to it.
 * <pre>{@code
 * MetricsHandler.builder(app).path("/actuator/prometheus").build().mount(server);
 * // GET /actuator/prometheus -> 200, Content-Type: text/plain; version=0.0.4; charset=utf-8
 * // GET /actuator/prometheus/x -> 404        POST /actuator/prometheus -> 405, Allow: GET, HEAD
 * // GET /-/healthy -> 200 OK                Accept: application/json -> 406
 * }</pre>
 * The {@code _created} series are left out unless {@link Builder#createdSeries(boolean)} asks for them.
 */
public final class MetricsHandler implements HttpHandler {

    /** The metrics path unless {@code path(...)} or {@code METRICS_PATH} names another. */
    public static final String DEFAULT_PATH = "/metrics";
    /** The health path served next to the metrics unless {@link Builder#withoutHealthPath()}. */
    public static final String HEALTH_PATH = HealthHandler.PATH;
    static final String ALLOWED = "GET, HEAD";

    private final BackendRegistry registry;
    private final String path;
    private final boolean createdSeries;
    private final String user;
    private final String password;
    private final Authenticator authenticator;
    private final Semaphore renders;
    private final boolean health;

    private MetricsHandler(Builder b, MetricsConfig settings) {
        this.registry = b.registry;
        this.path = Builder.notTheHealthPath(settings.path().orElse(DEFAULT_PATH));
        this.createdSeries = settings.createdSeries().orElse(false);
        this.user = settings.authUser().orElse(null);
        this.password = settings.authPassword().orElse(null);
        this.authenticator = b.authenticator;
        this.renders = b.rendersAtOnce > 0 ? new Semaphore(b.rendersAtOnce, true) : null;
        this.health = b.health;
    }

    /** Starts describing the handler that serves {@code app}'s metrics. */
    public static Builder builder(AppMetrics app) {
        return new Builder(Checks.notNull("app", app, "pass the AppMetrics whose metrics to serve"));
    }

    /** The exact path served. */
    public String path() {
        return path;
    }

    /**
     * Creates the context for {@link #path()} on {@code server} (with basic auth when configured) and the health
     * context, unless the server already has one at {@value #HEALTH_PATH}; returns the metrics context.
     *
     * @throws IllegalArgumentException when the server already has a context at {@link #path()} (Java 21+ detect
     *         it; Java 17 silently keeps both)
     */
    public HttpContext mount(HttpServer server) {
        return mountAll(server).get(0);
    }

    /** The contexts {@link #mount} created: the metrics context, then the health context if it made one. */
    List<HttpContext> mountAll(HttpServer server) {
        List<HttpContext> contexts = new ArrayList<>();
        HttpContext metrics;
        try {
            metrics = server.createContext(path, this);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Metrics path \"" + path + "\" is already a context of this server"
                    + " (the JDK says: " + e.getMessage() + "): mount the metrics once, or choose another path.", e);
        }
        if (authenticator != null) {
            metrics.setAuthenticator(authenticator);
        } else if (user != null) {
            metrics.setAuthenticator(new BasicAuth(user, password));
        }
        contexts.add(metrics);
        if (health) {
            try {
                contexts.add(server.createContext(HEALTH_PATH, new HealthHandler()));
            } catch (IllegalArgumentException alreadyThere) {
                // the server serves /-/healthy already (an earlier mount, or the app itself): keep that one
            }
        }
        return contexts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!RequestDeadlines.headArrived()) {
            throw new IOException("the scrape's head came after its deadline: closing the connection");
        }
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                TextResponses.text(exchange, 404, "Not found: metrics are at " + path + "\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                TextResponses.methodNotAllowed(exchange, ALLOWED);
                return;
            }
            ScrapeRequest request;
            try {
                request = ScrapeRequest.of(exchange.getRequestHeaders(), exchange.getRequestURI().getRawQuery(),
                        registry.backend().formats());
            } catch (ScrapeRequest.Refused e) {
                TextResponses.text(exchange, 400, e.getMessage() + "\n");
                return;
            }
            if (request.format == null) {
                TextResponses.text(exchange, 406, "Not acceptable: metrics are served as "
                        + ExpositionFormat.TEXT.contentType() + " or " + ExpositionFormat.OPENMETRICS.contentType()
                        + ".\n");
                return;
            }
            ScrapeResponse.send(exchange, request, registry, createdSeries, renders);
        }
    }

    /** Builds a {@link MetricsHandler}; each setting is an explicit call, else the config's, else the default. */
    public static final class Builder {
        private final BackendRegistry registry;
        private final MetricsConfig.Builder explicit = MetricsConfig.builder();
        private MetricsConfig config = MetricsConfig.empty();
        private boolean health = true;
        private Authenticator authenticator;
        private int rendersAtOnce;

        Builder(AppMetrics app) {
            this.registry = AppRegistries.of(app);
        }

        /**
         * Takes {@code METRICS_PATH}, {@code METRICS_CREATED_SERIES} and basic auth ({@code METRICS_AUTH_USER} with
         * {@code METRICS_AUTH_PASSWORD_FILE}) from the settings, where set; an explicit {@link #path},
         * {@link #createdSeries} or {@link #basicAuth} wins, whatever the order of the calls.
         */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            return this;
        }

        /** The exact path to serve, such as {@code /actuator/prometheus}; default {@value MetricsHandler#DEFAULT_PATH}. */
        public Builder path(String path) {
            explicit.path(notTheHealthPath(path));
            return this;
        }

        /**
         * Whether to expose the {@code _created} series of counters, histograms and summaries; default false
         * (client_java 1.x dropped them by default too: they double the series count for little use).
         */
        public Builder createdSeries(boolean enabled) {
            explicit.createdSeries(enabled);
            return this;
        }

        /** Requires HTTP basic auth for the metrics path (not for the health path, which probes call). */
        public Builder basicAuth(String user, String password) {
            explicit.basicAuth(user, password);
            return this;
        }

        /**
         * Requires {@code authenticator} for the metrics path (not for the health path): any
         * {@code com.sun.net.httpserver.Authenticator}, such as one that checks a bearer token or, on an
         * {@code HttpsServer} asking for client certificates, the client's identity. Wins over basic auth, explicit
         * or from the settings.
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Checks.notNull("authenticator", authenticator, "pass an Authenticator, or call"
                    + " basicAuth(user, password)");
            return this;
        }

        /** Leaves out the health path, for an app that serves {@code /-/healthy} itself. */
        public Builder withoutHealthPath() {
            this.health = false;
            return this;
        }

        /** At most {@code n} scrapes rendered at once (the metrics server's {@code threads}); 0: no limit. */
        Builder rendersAtOnce(int n) {
            this.rendersAtOnce = n;
            return this;
        }

        public MetricsHandler build() {
            MetricsConfig own = explicit.build();
            if (authenticator != null && own.authUser().isPresent()) {
                throw new IllegalArgumentException("Both basicAuth(\"" + own.authUser().get() + "\", ...) and"
                        + " authenticator(...) were called: the metrics path takes one; keep the one you mean.");
            }
            return new MetricsHandler(this, own.orElse(config));
        }

        private static String notTheHealthPath(String path) {
            if (HEALTH_PATH.equals(path)) {
                throw new IllegalArgumentException("Metrics path \"" + path + "\" is the health path: choose another,"
                        + " such as \"/metrics\".");
            }
            return path;
        }
    }
}
