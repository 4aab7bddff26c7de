package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.RawMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The compatibility kit's hook into client_java 1.x: metrics made around the API with client_java's own builders. */
public final class ClientJavaRawMetrics implements RawMetrics {

    @Override
    public void register(AppMetrics app, String type, String name, String help, String... labelNames) {
        StatefulMetric<?, ?> metric = build(type, name, help, labelNames);
        app.unwrap(PrometheusRegistry.class).register(metric);
        if (labelNames.length > 0) {
            String[] values = new String[labelNames.length];
            Arrays.fill(values, "x");
            metric.labelValues(values);
        }
    }

    @Override
    public void registerClientJvmMetrics(AppMetrics app) {
        JvmMetrics.builder().register(app.unwrap(PrometheusRegistry.class));
    }

    @Override
    public String textOfOneFamily(String type, String name) {
        PrometheusRegistry registry = new PrometheusRegistry();
        try {
            registry.register(build(type, name, "Raw."));
        } catch (IllegalArgumentException e) {
            return null;   // client_java's model refuses the name (x_bucket, x_created, ...): it cannot write it
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static StatefulMetric<?, ?> build(String type, String name, String help, String... labelNames) {
        return switch (type) {
            case "counter" -> Counter.builder().name(name).help(help).labelNames(labelNames).build();
            case "histogram" -> Histogram.builder().name(name).help(help).labelNames(labelNames).classicOnly()
                    .build();
            case "summary" -> Summary.builder().name(name).help(help).labelNames(labelNames).build();
            default -> Gauge.builder().name(name).help(help).labelNames(labelNames).build();
        };
    }
}
