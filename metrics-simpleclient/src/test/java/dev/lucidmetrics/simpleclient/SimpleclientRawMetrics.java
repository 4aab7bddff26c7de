package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.RawMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.SimpleCollector;
import io.prometheus.client.Summary;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** The compatibility kit's hook into simpleclient: metrics made around the API with simpleclient's own builders. */
public final class SimpleclientRawMetrics implements RawMetrics {

    @Override
    public void register(AppMetrics app, String type, String name, String help, String... labelNames) {
        SimpleCollector<?> collector = builder(type, name, help).labelNames(labelNames)
                .register(app.unwrap(CollectorRegistry.class));
        if (labelNames.length > 0) {
            String[] values = new String[labelNames.length];
            Arrays.fill(values, "x");
            collector.labels(values);
        }
    }

    @Override
    public void registerClientJvmMetrics(AppMetrics app) {
        DefaultExports.register(app.unwrap(CollectorRegistry.class));
    }

    @Override
    public String textOfOneFamily(String type, String name) {
        CollectorRegistry registry = new CollectorRegistry();
        builder(type, name, "Raw.").register(registry);
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static SimpleCollector.Builder<?, ?> builder(String type, String name, String help) {
        return switch (type) {
            case "counter" -> Counter.build().name(name).help(help);
            case "histogram" -> Histogram.build().name(name).help(help);
            case "summary" -> Summary.build().name(name).help(help);
            default -> Gauge.build().name(name).help(help);
        };
    }
}
