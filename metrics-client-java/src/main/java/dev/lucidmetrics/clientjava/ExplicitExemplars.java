package dev.lucidmetrics.clientjava;

import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The explicit exemplars of a histogram's series, one per classic bucket, the last given winning. */
final class ExplicitExemplars {

    private ExplicitExemplars() {
    }

    /** Makes {@code value} with these label pairs the exemplar of its bucket in the series {@code key}. */
    static void put(Map<List<String>, AtomicReferenceArray<Exemplar>> byKey, List<String> key, double[] bounds,
            double value, String[] exemplarLabels) {
        int bucket = 0;
        while (bucket < bounds.length && value > bounds[bucket]) {
            bucket++;   // bounds.length is the +Inf bucket
        }
        Exemplar exemplar = Exemplar.builder().value(value).labels(Labels.of(exemplarLabels))
                .timestampMillis(System.currentTimeMillis()).build();
        byKey.computeIfAbsent(key, k -> new AtomicReferenceArray<>(bounds.length + 1)).set(bucket, exemplar);
    }

    /**
     * {@code snapshot} with each series' explicit exemplars beside client_java's sampled ones, newest first (the
     * writers take the first exemplar that falls in a bucket). Every other field of a point is kept as it is.
     */
    static HistogramSnapshot merge(HistogramSnapshot snapshot, String[] labelNames,
            Map<List<String>, AtomicReferenceArray<Exemplar>> byKey) {
        List<HistogramDataPointSnapshot> points = new ArrayList<>(snapshot.getDataPoints().size());
        for (HistogramDataPointSnapshot p : snapshot.getDataPoints()) {
            AtomicReferenceArray<Exemplar> given = byKey.get(labelValues(p.getLabels(), labelNames));
            if (given == null) {
                points.add(p);
                continue;
            }
            List<Exemplar> all = new ArrayList<>();
            p.getExemplars().forEach(all::add);
            for (int i = 0; i < given.length(); i++) {
                if (given.get(i) != null) {
                    all.add(given.get(i));
                }
            }
            all.sort(Comparator.comparingLong(Exemplar::getTimestampMillis).reversed());
            points.add(new HistogramDataPointSnapshot(p.getClassicBuckets(), p.getNativeSchema(),
                    p.getNativeZeroCount(), p.getNativeZeroThreshold(), p.getNativeBucketsForPositiveValues(),
                    p.getNativeBucketsForNegativeValues(), p.getSum(), p.getLabels(), Exemplars.of(all),
                    p.getCreatedTimestampMillis()));
        }
        return new HistogramSnapshot(snapshot.isGaugeHistogram(), snapshot.getMetadata(), points);
    }

    private static List<String> labelValues(Labels labels, String[] labelNames) {
        List<String> values = new ArrayList<>(labelNames.length);
        for (String name : labelNames) {
            values.add(labels.get(name));
        }
        return values;
    }
}
