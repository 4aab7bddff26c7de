package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.core.support.TextSamples;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertWebhookTest {

    // The shape Alertmanager 0.25+ posts (webhook_config, version 4), one firing alert.
    private static final String FIRING = "{\"receiver\":\"webhook\",\"status\":\"firing\",\"alerts\":[{\"status\":"
            + "\"firing\",\"labels\":{\"alertname\":\"TargetDown\",\"job\":\"iotd-api\",\"severity\":\"critical\"},"
            + "\"annotations\":{\"summary\":\"down\"},\"startsAt\":\"2026-01-01T00:00:00Z\",\"endsAt\":"
            + "\"0001-01-01T00:00:00Z\",\"generatorURL\":\"\",\"fingerprint\":\"5e2d4c1b0a9f8e7d\"}],\"groupLabels\":"
            + "{\"alertname\":\"TargetDown\"},\"commonLabels\":{},\"commonAnnotations\":{},\"externalURL\":"
            + "\"http://alertmanager-a:9093\",\"version\":\"4\",\"groupKey\":\"{}/{severity=~\\\"warning|critical\\\"}:"
            + "{alertname=\\\"TargetDown\\\"}\",\"truncatedAlerts\":0}";

    private AlertWebhook webhook;

    private AlertWebhook start(Map<String, String> env) {
        webhook = new AlertWebhook(EnvConfig.of(env), Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC));
        return webhook;
    }

    @AfterEach
    void stop() {
        if (webhook != null) {
            webhook.server().stop();
        }
    }

    private JsonNode listed() throws Exception {
        HttpResponse<String> list = TestHttp.get(webhook.server().uri("/alerts"));
        assertEquals(200, list.statusCode());
        return Responses.JSON.readTree(list.body()).path("notifications");
    }

    @Test
    void keepsEachNotificationAsSentWithTheTimeItArrived() throws Exception {
        start(Map.of("PORT", "0"));
        assertEquals(200, TestHttp.post(webhook.server().uri("/alerts"), "application/json", FIRING).statusCode());
        assertEquals(200, TestHttp.post(webhook.server().uri("/alerts"), "application/json; charset=utf-8",
                FIRING.replace("\"status\":\"firing\",\"alerts\"", "\"status\":\"resolved\",\"alerts\"")).statusCode());

        JsonNode got = listed();
        assertEquals(2, got.size());
        assertEquals("2026-05-01T12:00:00Z", got.get(0).path("receivedAt").asText());
        assertEquals(Responses.JSON.readTree(FIRING), got.get(0).path("notification"));
        assertEquals("resolved", got.get(1).path("notification").path("status").asText());
    }

    @Test
    void refusesWhatIsNotANotificationWithA4xxNamingTheProblem() throws Exception {
        start(Map.of("PORT", "0"));
        HttpResponse<String> text = TestHttp.post(webhook.server().uri("/alerts"), "text/plain", FIRING);
        assertEquals(415, text.statusCode());
        assertTrue(text.body().contains("application/json"), text.body());
        HttpResponse<String> broken = TestHttp.post(webhook.server().uri("/alerts"), "application/json", "{\"alerts\":[");
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("Malformed JSON"), broken.body());
        HttpResponse<String> other = TestHttp.post(webhook.server().uri("/alerts"), "application/json", "{\"a\":1}");
        assertEquals(400, other.statusCode());
        assertTrue(other.body().contains("\\\"alerts\\\" array"), other.body());
        HttpResponse<String> big = TestHttp.post(webhook.server().uri("/alerts"), "application/json",
                "[" + " ".repeat(AlertWebhook.MAX_BODY_BYTES) + "]");
        assertEquals(413, big.statusCode());
        assertEquals(0, listed().size());
    }

    @Test
    void keepsOnlyTheLastWebhookKeepNotifications() throws Exception {
        start(Map.of("PORT", "0", "WEBHOOK_KEEP", "2"));
        for (String status : new String[] {"one", "two", "three"}) {
            TestHttp.post(webhook.server().uri("/alerts"), "application/json",
                    FIRING.replace("\"status\":\"firing\",\"alerts\"", "\"status\":\"" + status + "\",\"alerts\""));
        }
        JsonNode got = listed();
        assertEquals(2, got.size());
        assertEquals("two", got.get(0).path("notification").path("status").asText());
        assertEquals("three", got.get(1).path("notification").path("status").asText());
    }

    @Test
    void countsItsRequestsInItsMetrics() throws Exception {
        start(Map.of("PORT", "0"));
        TestHttp.post(webhook.server().uri("/alerts"), "application/json", FIRING);
        String metrics = TestHttp.get(webhook.server().uri("/metrics")).body();
        assertTrue(TextSamples.contains(metrics,
                "alert_webhook_requests_total{method=\"POST\",route=\"/alerts\",code=\"200\",} 1.0"), metrics);
    }
}
