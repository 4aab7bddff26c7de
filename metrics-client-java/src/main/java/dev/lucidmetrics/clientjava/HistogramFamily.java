package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.HistogramSeries;
import dev.lucidmetrics.core.spi.HistogramSpec;
import dev.lucidmetrics.core.spi.SeriesFamily;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A histogram family: client_java's own {@link Histogram} with classic buckets, a native histogram or both (as the
 * spec's {@link HistogramKind} says; the native one at client_java's defaults: schema 5, at most 160 buckets, which
 * keeps each bucket within about 2 % of its bounds, coarsened when more would be needed), which samples exemplars from the
 * current span when asked to, plus the explicit exemplars of {@code observeWithExemplar}, kept per bucket as given
 * (client_java drops them when exemplars are off, and keeps the first of a bucket for 7 s when on).
 */
final class HistogramFamily implements Collector, SeriesFamily<HistogramSeries> {

    private final Histogram histogram;
    private final String[] labelNames;
    private final double[] bounds;
    private final Map<List<String>, AtomicReferenceArray<Exemplar>> explicit =
            new ConcurrentHashMap<>();

    HistogramFamily(FamilySpec spec, HistogramSpec histogram) {
        Histogram.Builder b = Histogram.builder().name(spec.name()).help(spec.help())
                .labelNames(spec.labelNameArray()).classicUpperBounds(histogram.buckets());
        b = switch (histogram.kind()) {
            case CLASSIC -> b.classicOnly();
            case NATIVE -> b.nativeOnly();
            case BOTH -> b;   // client_java's default: classic and native at once
        };
        this.histogram = (histogram.sampledExemplars() ? b.withExemplars() : b.withoutExemplars()).build();
        this.labelNames = spec.labelNameArray();
        this.bounds = histogram.buckets();
    }

    @Override
    public HistogramSeries series(String[] labelValues) {
        DistributionDataPoint point = histogram.labelValues(labelValues);
        List<String> key = List.of(labelValues);
        return new HistogramSeries() {
            @Override
            public void observe(double value) {
                point.observe(value);
            }

            @Override
            public void observeWithExemplar(double value, String[] exemplarLabels) {
                point.observe(value);
                ExplicitExemplars.put(explicit, key, bounds, value, exemplarLabels);
            }

            @Override
            public long count() {
                return point.getCount();
            }

            @Override
            public double sum() {
                return point.getSum();
            }
        };
    }

    @Override
    public void remove(String[] labelValues) {
        histogram.remove(labelValues);
        explicit.remove(Arrays.asList(labelValues));
    }

    @Override
    public void clear() {
        histogram.clear();
        explicit.clear();
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot snapshot = histogram.collect();
        return explicit.isEmpty() ? snapshot : ExplicitExemplars.merge(snapshot, labelNames, explicit);
    }

    @Override
    public String getPrometheusName() {
        return histogram.getPrometheusName();
    }
}
