package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.CallbackSource;
import dev.lucidmetrics.core.spi.FamilySpec;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;

/** A counter or gauge whose samples the API's {@link CallbackSource} reports at each collection. */
final class CallbackFamily implements Collector {

    private final MetricMetadata metadata;
    private final boolean counter;
    private final String[] labelNames;
    private final CallbackSource source;

    CallbackFamily(FamilySpec spec, CallbackSource source) {
        this.counter = spec.type() == MetricType.COUNTER;
        this.metadata = new MetricMetadata(counter ? Names.withoutSuffix(spec.name(), "_total") : spec.name(),
                spec.help());
        this.labelNames = spec.labelNameArray();
        this.source = source;
    }

    @Override
    public MetricSnapshot collect() {
        if (counter) {
            List<CounterDataPointSnapshot> points = new ArrayList<>();
            source.read((value, labelValues) -> points.add(new CounterDataPointSnapshot(value,
                    Labels.of(labelNames, labelValues), null, 0)));
            return new CounterSnapshot(metadata, points);
        }
        List<GaugeDataPointSnapshot> points = new ArrayList<>();
        source.read((value, labelValues) -> points.add(new GaugeDataPointSnapshot(value,
                Labels.of(labelNames, labelValues), null)));
        return new GaugeSnapshot(metadata, points);
    }

    @Override
    public String getPrometheusName() {
        return metadata.getPrometheusName();
    }
}
