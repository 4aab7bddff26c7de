package dev.lucidmetrics.core.internal;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector;
import java.util.List;

/**
 * The one mapping between simpleclient's family names, the names users query, and sample names. simpleclient keeps
 * a counter's family name without {@code _total} and an info's without {@code _info}; samples add {@code _total},
 * {@code _created}, {@code _count}, {@code _sum}, {@code _bucket}. Internal.
 */
public final class SampleNames {

    /** Every suffix a sample name may add to its family's name. */
    public static final List<String> SUFFIXES =
            List.of("_total", "_created", "_count", "_sum", "_bucket", "_info", "_gcount", "_gsum");

    private SampleNames() {
    }

    /** The name people query a family by: {@code x_total} for a counter, {@code x_info} for an info. */
    public static String queriedName(MetricFamilySamples family) {
        switch (family.type) {
            case COUNTER: return family.name.endsWith("_total") ? family.name : family.name + "_total";
            case INFO: return family.name.endsWith("_info") ? family.name : family.name + "_info";
            default: return family.name;
        }
    }

    /** {@code name} without one sample suffix, or {@code name} itself when it has none. */
    public static String stem(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** True for the types whose samples include simpleclient's {@code _created} series. */
    public static boolean hasCreatedSeries(MetricFamilySamples family) {
        return family.type == Collector.Type.COUNTER || family.type == Collector.Type.HISTOGRAM
                || family.type == Collector.Type.SUMMARY;
    }
}
