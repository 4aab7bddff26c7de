package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.OtlpTarget;
import io.prometheus.metrics.config.ExporterOpenTelemetryProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.opentelemetry.OpenTelemetryExporter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The OTLP push with client_java's {@code prometheus-metrics-exporter-opentelemetry} (an optional dependency: this
 * class is loaded only once {@link ClientJavaBackend} found the exporter on the class path). The API's checked settings are handed over as the
 * exporter's own properties, which win over the OpenTelemetry SDK's reading of the same {@code OTEL_*} variables;
 * the SDK still reads those the API does not (certificates, compression, timeout).
 */
final class OtlpExport {

    private OtlpExport() {
    }

    /** Starts pushing {@code registry}; closing the result pushes a last time (client_java waits up to 5 s). */
    static AutoCloseable start(PrometheusRegistry registry, OtlpTarget target) {
        ExporterOpenTelemetryProperties.Builder properties = ExporterOpenTelemetryProperties.builder()
                .endpoint(target.endpoint().toString())
                .protocol(target.protocol())
                .intervalSeconds(Math.toIntExact(target.interval().toSeconds()));
        target.headers().forEach(properties::header);
        target.resource().forEach((key, value) -> {
            if (key.equals("service.name")) {
                properties.serviceName(value);
            } else {
                properties.resourceAttribute(key, value);
            }
        });
        PrometheusProperties config = PrometheusProperties.builder()
                .exporterOpenTelemetryProperties(properties.build()).build();
        return OpenTelemetryExporter.builder(config).registry(registry).buildAndStart();
    }
}
