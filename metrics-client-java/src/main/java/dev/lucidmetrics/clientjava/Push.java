package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.PushTarget;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;

/**
 * client_java's Pushgateway {@code pushAdd} in the text format 0.0.4 (what the simpleclient backend pushes; client_java
 * would push protobuf), with the target's timeouts. client_java takes a host and port, not a URL: a gateway behind a
 * path prefix keeps it as part of the address. A failure is the one client_java met, not its wrapper.
 */
final class Push {

    private Push() {
    }

    static void pushAdd(PrometheusRegistry registry, PushTarget target) throws IOException {
        URI gateway = target.gateway();
        String path = gateway.getRawPath() == null ? "" : gateway.getRawPath().replaceAll("/+$", "");
        PushGateway.Builder b = PushGateway.builder().registry(registry).format(Format.PROMETHEUS_TEXT)
                .scheme(Scheme.fromString(gateway.getScheme())).address(gateway.getRawAuthority() + path)
                .job(target.job()).connectionTimeout(target.timeout()).readTimeout(target.timeout());
        target.groupingKey().forEach(b::groupingKey);
        try {
            b.build().pushAdd();
        } catch (IOException e) {
            // client_java wraps what went wrong ("Failed to push metrics to ... : Connection refused"); the API names
            // the gateway itself and quotes the cause, as it does on simpleclient
            throw e.getCause() instanceof IOException cause ? cause : e;
        }
    }
}
