package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.model.SampleSnapshot;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples a client_java snapshot exposes, as the text format names them ({@code x_total}, {@code x_bucket}
 * with cumulative counts, {@code x_count}, {@code x_created}, ...): what the simpleclient backend reads from its
 * own samples, so the read model is the same on both.
 */
final class Samples {

    private final String name;
    private final List<SampleSnapshot> out = new ArrayList<>();

    private Samples(String name) {
        this.name = name;
    }

    /** The samples of {@code snapshot}, a family exposed as {@code name}. */
    static List<SampleSnapshot> of(String name, MetricSnapshot snapshot) {
        Samples s = new Samples(name);
        for (DataPointSnapshot p : snapshot.getDataPoints()) {
            s.point(snapshot, p);
        }
        return s.out;
    }

    private void point(MetricSnapshot snapshot, DataPointSnapshot p) {
        Map<String, String> labels = labels(p.getLabels());
        if (snapshot instanceof CounterSnapshot) {
            add("_total", labels, ((CounterSnapshot.CounterDataPointSnapshot) p).getValue());
        } else if (snapshot instanceof GaugeSnapshot) {
            add("", labels, ((GaugeSnapshot.GaugeDataPointSnapshot) p).getValue());
        } else if (snapshot instanceof HistogramSnapshot h) {
            histogram((HistogramSnapshot.HistogramDataPointSnapshot) p, labels, h.isGaugeHistogram());
        } else if (snapshot instanceof SummarySnapshot) {
            summary((SummarySnapshot.SummaryDataPointSnapshot) p, labels);
        } else if (snapshot instanceof InfoSnapshot) {
            add("_info", labels, 1);
        } else if (snapshot instanceof StateSetSnapshot) {
            for (StateSetSnapshot.State state : (StateSetSnapshot.StateSetDataPointSnapshot) p) {
                add("", with(labels, name, state.getName()), state.isTrue() ? 1 : 0);
            }
        } else if (snapshot instanceof UnknownSnapshot) {
            add("", labels, ((UnknownSnapshot.UnknownDataPointSnapshot) p).getValue());
        }
        if (p.hasCreatedTimestamp()) {
            add("_created", labels, p.getCreatedTimestampMillis() / 1000.0);
        }
    }

    private void histogram(HistogramSnapshot.HistogramDataPointSnapshot p, Map<String, String> labels, boolean gauge) {
        ClassicHistogramBuckets buckets = p.getClassicBuckets();
        long cumulative = 0;
        for (int i = 0; i < buckets.size(); i++) {
            cumulative += buckets.getCount(i);
            add("_bucket", with(labels, "le", goString(buckets.getUpperBound(i))), cumulative);
        }
        if (buckets.size() == 0 && p.hasCount()) {   // native only: the text formats show the +Inf bucket alone
            add("_bucket", with(labels, "le", "+Inf"), p.getCount());
        }
        if (p.hasCount()) {
            add(gauge ? "_gcount" : "_count", labels, p.getCount());
        }
        if (p.hasSum()) {
            add(gauge ? "_gsum" : "_sum", labels, p.getSum());
        }
    }

    private void summary(SummarySnapshot.SummaryDataPointSnapshot p, Map<String, String> labels) {
        for (Quantile q : p.getQuantiles()) {
            add("", with(labels, "quantile", goString(q.getQuantile())), q.getValue());
        }
        if (p.hasCount()) {
            add("_count", labels, p.getCount());
        }
        if (p.hasSum()) {
            add("_sum", labels, p.getSum());
        }
    }

    private void add(String suffix, Map<String, String> labels, double value) {
        out.add(new SampleSnapshot(name + suffix, labels, value));
    }

    private static Map<String, String> labels(Labels labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.getPrometheusName(i), labels.getValue(i));
        }
        return map;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> map = new LinkedHashMap<>(labels);
        map.put(name, value);
        return map;
    }

    /** A bound as the exposition formats write it: {@code +Inf}, {@code 0.5}, {@code 1.0}. */
    private static String goString(double d) {
        return d == Double.POSITIVE_INFINITY ? "+Inf" : d == Double.NEGATIVE_INFINITY ? "-Inf" : Double.toString(d);
    }
}
