package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.InfoSeries;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.List;

/**
 * An info family on client_java: one series whose labels are the facts, replaced in one step (client_java's own
 * {@code Info.setLabelValues} adds the new series before it drops the old one, so a scrape could see both).
 */
final class InfoFamily implements Collector, InfoSeries {

    private final MetricMetadata metadata;
    private final String[] labelNames;
    private volatile Labels current;

    InfoFamily(FamilySpec spec) {
        this.metadata = new MetricMetadata(Names.withoutSuffix(spec.name(), "_info"), spec.help());
        this.labelNames = spec.labelNameArray();
        this.current = labelNames.length == 0 ? Labels.EMPTY : null;
    }

    @Override
    public void set(String[] labelValues) {
        current = Labels.of(labelNames, labelValues);
    }

    @Override
    public InfoSnapshot collect() {
        Labels labels = current;
        return new InfoSnapshot(metadata, labels == null ? List.of() : List.of(new InfoDataPointSnapshot(labels)));
    }

    @Override
    public String getPrometheusName() {
        return metadata.getPrometheusName();
    }
}
