package dev.lucidmetrics.simpleclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.otlp.OtlpConfig;
import dev.lucidmetrics.core.otlp.OtlpPush;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** simpleclient has no OTLP exporter: asking for the push stops the start, naming the backend that has one. */
class OtlpRefusalTest {

    @Test
    void anOtlpEndpointStopsTheStartNamingMetricsClientJava() {
        AppMetrics app = AppMetrics.builder("shop").backend("simpleclient").build();
        OtlpConfig config = OtlpConfig.from(EnvConfig.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:4318")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OtlpPush.builder(app).config(config).start());
        assertEquals("OTLP push to http://127.0.0.1:4318/v1/metrics was asked for, but the simpleclient backend"
                + " (dev.lucidmetrics:metrics-simpleclient) cannot push OTLP. Switch to"
                + " dev.lucidmetrics:metrics-client-java, which pushes it with client_java's OpenTelemetry exporter,"
                + " or unset OTEL_EXPORTER_OTLP_ENDPOINT.", e.getMessage());
    }

    @Test
    void withoutAnEndpointThePushIsOffOnEitherBackend() {
        AppMetrics app = AppMetrics.builder("shop").backend("simpleclient").build();
        try (OtlpPush push = OtlpPush.builder(app).config(OtlpConfig.from(EnvConfig.of(Map.of()))).start()) {
            assertFalse(push.running());
        }
    }
}
