package dev.lucidmetrics.core.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how an OTLP push goes, every value checked by the API: the endpoint (absolute http(s)), the protocol
 * ({@code http/protobuf} or {@code grpc}), the request headers, the interval between two pushes (whole seconds, at
 * least one) and the resource attributes ({@code service.name} always among them).
 */
public record OtlpTarget(URI endpoint, String protocol, Map<String, String> headers, Duration interval,
        Map<String, String> resource) {

    public OtlpTarget {
        headers = Map.copyOf(headers);
        resource = Map.copyOf(resource);
    }
}
