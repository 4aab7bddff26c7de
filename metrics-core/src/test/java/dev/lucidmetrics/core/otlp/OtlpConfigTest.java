package dev.lucidmetrics.core.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OTLP settings read OpenTelemetry's standard variables; a bad value stops the start, quoting it. */
class OtlpConfigTest {

    private static OtlpConfig env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return OtlpConfig.from(EnvConfig.of(env));
    }

    @Test
    void nothingSetLeavesThePushOff() {
        OtlpConfig config = env();
        assertEquals(Optional.empty(), config.endpoint());
        assertEquals(Map.of(), config.headers());
        assertEquals(Map.of(), config.resource());
    }

    @Test
    void theMetricsVariablesWinOverTheGeneralOnes() {
        OtlpConfig config = env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://metrics:4318/custom",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_HEADERS", "a=1", "OTEL_EXPORTER_OTLP_METRICS_HEADERS", "b=2%2C3,c=4",
                "OTEL_METRIC_EXPORT_INTERVAL", "15000",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=attr,team=checkout", "OTEL_SERVICE_NAME", "shop");
        assertEquals(URI.create("http://metrics:4318/custom"), config.endpoint().orElseThrow());
        assertTrue(config.signalEndpoint());
        assertEquals("http/protobuf", config.protocol().orElseThrow());
        assertEquals(Map.of("b", "2,3", "c", "4"), config.headers());
        assertEquals(Duration.ofSeconds(15), config.interval().orElseThrow());
        assertEquals(Map.of("service.name", "shop", "team", "checkout"), config.resource());
    }

    @Test
    void aBaseUrlGetsTheMetricsPathForHttpButNotForGrpc() {
        URI base = URI.create("http://collector:4318");
        assertEquals(URI.create("http://collector:4318/v1/metrics"), OtlpConfig.resolve(base, false, "http/protobuf"));
        assertEquals(URI.create("http://collector:4318/v1/metrics"),
                OtlpConfig.resolve(URI.create("http://collector:4318/"), false, "http/protobuf"));
        assertEquals(base, OtlpConfig.resolve(base, false, "grpc"));
        assertEquals(base, OtlpConfig.resolve(base, true, "http/protobuf"));
        assertFalse(env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318").signalEndpoint());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "OTEL_EXPORTER_OTLP_ENDPOINT | collector:4318 | OTEL_EXPORTER_OTLP_ENDPOINT=\"collector:4318\" is not valid:"
                + " expected an absolute http(s) URL, such as http://otel-collector:4318.",
        "OTEL_EXPORTER_OTLP_PROTOCOL | http/json | OTEL_EXPORTER_OTLP_PROTOCOL=\"http/json\" is not valid: expected"
                + " http/protobuf or grpc (client_java's exporter does not send http/json).",
        "OTEL_METRIC_EXPORT_INTERVAL | 60s | OTEL_METRIC_EXPORT_INTERVAL=\"60s\" is not valid: expected milliseconds,"
                + " such as 60000.",
        "OTEL_METRIC_EXPORT_INTERVAL | 1500 | OTEL_METRIC_EXPORT_INTERVAL=\"1500\" is not valid: expected a whole"
                + " number of seconds, at least one, in milliseconds (such as 60000): client_java's exporter pushes"
                + " at whole seconds.",
        "OTEL_RESOURCE_ATTRIBUTES | team | OTEL_RESOURCE_ATTRIBUTES=\"team\" is not valid: the item \"team\" is not"
                + " key=value; expected key=value,key2=value2 (values percent-encoded).",
    })
    void aBadValueStopsTheStartQuotingIt(String name, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env(name, value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aBadHeaderIsNamedWithoutQuotingItsSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%zzs3cret"));
        assertEquals("OTEL_EXPORTER_OTLP_HEADERS is not valid: the value of \"Authorization\" has a '%' that starts"
                + " no escape of two hexadecimal digits; write %25 for a '%'.", e.getMessage());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> env("OTEL_EXPORTER_OTLP_HEADERS", "s3cret-token"));
        assertFalse(noKey.getMessage().contains("s3cret"), noKey.getMessage());
    }
}
