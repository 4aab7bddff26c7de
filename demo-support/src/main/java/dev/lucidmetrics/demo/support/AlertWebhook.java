package dev.lucidmetrics.demo.support;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Alertmanager webhook receiver that keeps what it is sent, for the compose stack's {@code ha} profile and its
 * fault test: {@code POST /alerts} takes one notification (Alertmanager's webhook JSON) and logs a line naming it;
 * {@code GET /alerts} lists the notifications received, oldest first, each as it arrived plus the time it did;
 * {@code /health}; request metrics at {@code /metrics} ({@code alert_webhook_requests_total}). It keeps the last
 * {@code WEBHOOK_KEEP} notifications (default 1000) in memory: a restart forgets them.
 * <pre>
 * PORT=5001 java -cp demo-accesslog.jar dev.lucidmetrics.demo.support.AlertWebhook
 * </pre>
 */
public final class AlertWebhook {

    static final int DEFAULT_PORT = 5001;
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final System.Logger LOG = System.getLogger(AlertWebhook.class.getName());

    private final Deque<Map<String, Object>> received = new ArrayDeque<>();
    private final int keep;
    private final Clock clock;
    private final DemoServer server;

    AlertWebhook(EnvConfig env, Clock clock) {
        this.clock = clock;
        this.keep = Settings.integer(env, "WEBHOOK_KEEP", 1000, 1, 100_000);
        MetricsConfig metricsConfig = DemoMetricsConfig.from(env);
        AppMetrics metrics = AppMetrics.builder("alert_webhook").config(metricsConfig)
                .versionFrom(AlertWebhook.class).build();
        Router router = new Router()
                .on("POST", "/alerts", this::post)
                .on("GET", "/alerts", this::list);   // DemoServer answers HEALTH_PATH itself
        this.server = DemoServer.builder("alert-webhook").settings(env, DEFAULT_PORT)
                .router(router, metrics).metrics(metrics, metricsConfig).start();
    }

    public static void main(String[] args) {
        AlertWebhook app;
        try {
            EnvConfig env = EnvConfig.fromSystem();
            Logs.configure(env);
            app = new AlertWebhook(env, Clock.systemUTC());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            LOG.log(ERROR, "alert-webhook cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app.server::stop, "alert-webhook-shutdown"));
        LOG.log(INFO, "alert-webhook listening on " + app.server.uri("/alerts"));
    }

    DemoServer server() {
        return server;
    }

    private void post(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.split(";", -1)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            Responses.error(ex, 415, "Content-Type must be application/json (Alertmanager's webhook payload).");
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            Responses.error(ex, 413, "Body too large: at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        JsonNode notification;
        try {
            notification = Responses.JSON.readTree(body);
        } catch (IOException e) {
            Responses.error(ex, 400, "Malformed JSON: send Alertmanager's webhook payload.");
            return;
        }
        if (notification == null || !notification.path("alerts").isArray() || !notification.path("status").isTextual()) {
            Responses.error(ex, 400, "Not an Alertmanager notification: expected an object with \"status\" and an"
                    + " \"alerts\" array.");
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("receivedAt", clock.instant().toString());
        entry.put("notification", notification);
        synchronized (received) {
            received.addLast(entry);
            while (received.size() > keep) {
                received.removeFirst();
            }
        }
        List<String> names = new ArrayList<>();
        notification.path("alerts").forEach(a -> names.add(a.path("labels").path("alertname").asText("?")
                + "=" + a.path("status").asText("?")));
        LOG.log(INFO, "notification " + notification.path("status").asText() + " for " + names + " (group "
                + notification.path("groupKey").asText("?") + ")");
        Responses.json(ex, 200, Map.of("received", true));
    }

    private void list(HttpExchange ex) throws IOException {
        List<Map<String, Object>> copy;
        synchronized (received) {
            copy = new ArrayList<>(received);
        }
        Responses.json(ex, 200, Map.of("notifications", copy));
    }
}
