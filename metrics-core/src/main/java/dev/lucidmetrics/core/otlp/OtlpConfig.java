package dev.lucidmetrics.core.otlp;

import dev.lucidmetrics.core.config.EnvConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OTLP push settings from OpenTelemetry's standard environment variables; a variable that is unset leaves its
 * setting unset, one that does not parse stops the start naming it and quoting its value (a header's value is never
 * quoted: it is often a token).
 * <ul>
 *   <li>{@code OTEL_EXPORTER_OTLP_METRICS_ENDPOINT}, else {@code OTEL_EXPORTER_OTLP_ENDPOINT}: an absolute http(s)
 *       URL; setting one turns the push on; {@code v1/metrics} is appended to the second for
 *       {@code http/protobuf}, as OpenTelemetry's SDKs do;</li>
 *   <li>{@code OTEL_EXPORTER_OTLP_METRICS_PROTOCOL}, else {@code OTEL_EXPORTER_OTLP_PROTOCOL}: {@code http/protobuf}
 *       (the default) or {@code grpc};</li>
 *   <li>{@code OTEL_EXPORTER_OTLP_METRICS_HEADERS}, else {@code OTEL_EXPORTER_OTLP_HEADERS}:
 *       {@code key=value,key2=value2}, values percent-encoded;</li>
 *   <li>{@code OTEL_METRIC_EXPORT_INTERVAL}: milliseconds, a whole number of seconds (default 60000);</li>
 *   <li>{@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES} ({@code key=value,...}): the resource;
 *       {@code OTEL_SERVICE_NAME} wins over a {@code service.name} among the attributes.</li>
 * </ul>
 */
public final class OtlpConfig {

    private final EnvConfig env;

    private OtlpConfig(EnvConfig env) {
        this.env = env;
        endpoint();
        protocol();
        headers();
        interval();
        resource();
    }

    /** The settings of this process's environment; throws {@link IllegalArgumentException} on a bad value. */
    public static OtlpConfig fromEnvironment() {
        return from(EnvConfig.fromSystem());
    }

    /** The settings of {@code env}; throws {@link IllegalArgumentException} on a bad value. */
    public static OtlpConfig from(EnvConfig env) {
        return new OtlpConfig(env);
    }

    /** No setting at all: the push stays off unless the builder names an endpoint. */
    public static OtlpConfig empty() {
        return new OtlpConfig(EnvConfig.of(Map.of()));
    }

    Optional<URI> endpoint() {
        String name = first("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
        return name == null ? Optional.empty() : Optional.of(endpoint(name, env.raw(name)));
    }

    /** Whether {@link #endpoint()} is the metrics signal's own URL, used as it is (else the collector's base URL). */
    boolean signalEndpoint() {
        return env.raw("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") != null;
    }

    /**
     * The URL pushed to: a base URL gets {@code v1/metrics} appended for {@code http/protobuf} (OpenTelemetry's
     * rule for {@code OTEL_EXPORTER_OTLP_ENDPOINT}); a signal URL, and any URL for {@code grpc}, is used as it is.
     */
    static URI resolve(URI endpoint, boolean signalEndpoint, String protocol) {
        if (signalEndpoint || protocol.equals("grpc")) {
            return endpoint;
        }
        String url = endpoint.toString();
        return url.endsWith("v1/metrics") ? endpoint : URI.create(url + (url.endsWith("/") ? "" : "/") + "v1/metrics");
    }

    Optional<String> protocol() {
        String name = first("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
        return name == null ? Optional.empty() : Optional.of(protocol(name, env.raw(name)));
    }

    Map<String, String> headers() {
        String name = first("OTEL_EXPORTER_OTLP_METRICS_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS");
        return name == null ? Map.of() : pairs(name, env.raw(name), false);
    }

    Optional<Duration> interval() {
        String value = env.raw("OTEL_METRIC_EXPORT_INTERVAL");
        if (value == null) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw EnvConfig.bad("OTEL_METRIC_EXPORT_INTERVAL", value, "milliseconds, such as 60000");
        }
        return Optional.of(interval("OTEL_METRIC_EXPORT_INTERVAL=\"" + value + "\"", Duration.ofMillis(millis)));
    }

    /** The resource attributes: {@code OTEL_RESOURCE_ATTRIBUTES}, with {@code OTEL_SERVICE_NAME} over them. */
    Map<String, String> resource() {
        String attributes = env.raw("OTEL_RESOURCE_ATTRIBUTES");
        Map<String, String> resource = new LinkedHashMap<>(attributes == null ? Map.of()
                : pairs("OTEL_RESOURCE_ATTRIBUTES", attributes, true));
        if (env.raw("OTEL_SERVICE_NAME") != null) {
            resource.put("service.name", env.raw("OTEL_SERVICE_NAME"));
        }
        return resource;
    }

    private String first(String specific, String general) {
        return env.raw(specific) != null ? specific : env.raw(general) != null ? general : null;
    }

    static URI endpoint(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw EnvConfig.bad(name, value, "an absolute http(s) URL, such as http://otel-collector:4318");
    }

    static String protocol(String name, String value) {
        if (value.equals("http/protobuf") || value.equals("grpc")) {
            return value;
        }
        throw EnvConfig.bad(name, value, "http/protobuf or grpc (client_java's exporter does not send http/json)");
    }

    static Duration interval(String quoted, Duration interval) {
        if (interval.isNegative() || interval.toMillis() < 1000 || interval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(quoted + " is not valid: expected a whole number of seconds, at least"
                    + " one, in milliseconds (such as 60000): client_java's exporter pushes at whole seconds.");
        }
        return interval;
    }

    /** {@code key=value,...}, values percent-decoded; a header's value is never quoted in an error. */
    private static Map<String, String> pairs(String name, String value, boolean quoteValue) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? "" : item.substring(0, eq).strip();
            if (item.isBlank()) {
                continue;
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException(name + (quoteValue ? "=\"" + value + "\"" : "") + " is not valid:"
                        + " the item " + (quoteValue ? "\"" + item.strip() + "\"" : "at position " + pairs.size())
                        + " is not key=value; expected key=value,key2=value2 (values percent-encoded).");
            }
            try {
                pairs.put(key, URLDecoder.decode(item.substring(eq + 1).strip(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not valid: the value of \"" + key + "\" has a '%' that"
                        + " starts no escape of two hexadecimal digits; write %25 for a '%'.");
            }
        }
        return pairs;
    }
}
