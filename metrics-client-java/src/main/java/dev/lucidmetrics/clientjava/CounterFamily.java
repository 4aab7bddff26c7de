package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.CounterSeries;
import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.SeriesSource;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.exemplars.ExemplarSampler;
import io.prometheus.metrics.core.exemplars.ExemplarSamplerConfig;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A counter family on client_java: our {@link CounterStorage} series, collected as client_java's own counter would
 * be — a family named without {@code _total}, each point with its exemplar and created time (which the writers
 * leave out unless asked for). The API's record of the series is the only one: this family makes their storage and
 * collects them from its {@link SeriesSource}.
 */
final class CounterFamily implements Collector, Supplier<CounterSeries> {

    private final MetricMetadata metadata;
    private final String[] labelNames;
    private final ExemplarSamplerConfig sampling;
    private final SeriesSource<CounterSeries> series;

    CounterFamily(FamilySpec spec, boolean sampledExemplars, SeriesSource<CounterSeries> series) {
        this.metadata = new MetricMetadata(Names.withoutSuffix(spec.name(), "_total"), spec.help());
        this.labelNames = spec.labelNameArray();
        this.sampling = sampledExemplars
                ? new ExemplarSamplerConfig(PrometheusProperties.get().getExemplarProperties(), 1) : null;
        this.series = series;
    }

    /** A new series' storage, which the API records in this family's source. */
    @Override
    public CounterSeries get() {
        return new CounterStorage(sampling == null ? null : new ExemplarSampler(sampling));
    }

    @Override
    public CounterSnapshot collect() {
        List<CounterDataPointSnapshot> points = new ArrayList<>(series.size());
        series.forEach((values, any) -> {
            CounterStorage s = (CounterStorage) any;
            points.add(new CounterDataPointSnapshot(s.get(), Labels.of(labelNames, values.clone()), s.exemplar(),
                    s.created()));
        });
        return new CounterSnapshot(metadata, points);
    }

    @Override
    public String getPrometheusName() {
        return metadata.getPrometheusName();
    }
}
