package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.CounterSeries;
import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.SeriesFamily;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.exemplars.ExemplarSampler;
import io.prometheus.metrics.core.exemplars.ExemplarSamplerConfig;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A counter family on client_java: our {@link CounterStorage} series, collected as client_java's own counter would
 * be — a family named without {@code _total}, each point with its exemplar and created time (which the writers
 * leave out unless asked for).
 */
final class CounterFamily implements Collector, SeriesFamily<CounterSeries> {

    private final MetricMetadata metadata;
    private final String[] labelNames;
    private final ExemplarSamplerConfig sampling;
    private final Map<List<String>, CounterStorage> series = new ConcurrentHashMap<>();

    CounterFamily(FamilySpec spec, boolean sampledExemplars) {
        this.metadata = new MetricMetadata(Names.withoutSuffix(spec.name(), "_total"), spec.help());
        this.labelNames = spec.labelNameArray();
        this.sampling = sampledExemplars
                ? new ExemplarSamplerConfig(PrometheusProperties.get().getExemplarProperties(), 1) : null;
    }

    @Override
    public CounterSeries series(String[] labelValues) {
        return series.computeIfAbsent(List.of(labelValues),
                k -> new CounterStorage(sampling == null ? null : new ExemplarSampler(sampling)));
    }

    @Override
    public void remove(String[] labelValues) {
        series.remove(Arrays.asList(labelValues));
    }

    @Override
    public void clear() {
        series.clear();
    }

    @Override
    public CounterSnapshot collect() {
        List<CounterDataPointSnapshot> points = new ArrayList<>(series.size());
        series.forEach((values, s) -> points.add(new CounterDataPointSnapshot(s.get(),
                Labels.of(labelNames, values.toArray(new String[0])), s.exemplar(), s.created())));
        return new CounterSnapshot(metadata, points);
    }

    @Override
    public String getPrometheusName() {
        return metadata.getPrometheusName();
    }
}
