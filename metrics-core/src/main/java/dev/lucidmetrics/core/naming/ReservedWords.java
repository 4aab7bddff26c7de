package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.model.MetricType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words and suffixes the exposition formats and promtool reserve, in one table: the suffixes a metric type
 * derives for its samples, the type words promtool flags, and the label names histograms and summaries use.
 */
final class ReservedWords {

    /** Last words a type or its samples give a name: a name may only end in one if its type derives it. */
    static final Set<String> SUFFIX_WORDS = Set.of("total", "info", "count", "sum", "bucket");

    /** Words naming a metric type, which promtool flags anywhere after the first word. */
    static final Set<String> TYPE_WORDS = Set.of("counter", "gauge", "histogram", "summary");

    /** Last words that are not a unit: the suffixes and the type words (which the repairs drop). */
    static final Set<String> NOT_A_UNIT = union(SUFFIX_WORDS, TYPE_WORDS);

    /** Label names the formats give histogram buckets ({@code le}) and summary quantiles ({@code quantile}). */
    static final Set<String> LABELS = Set.of("le", "quantile");

    /**
     * Every suffix a sample name may add to its family's name, in both formats and both client lines
     * ({@code _gcount}/{@code _gsum} are OpenMetrics' gauge histograms).
     */
    static final List<String> SAMPLE_SUFFIXES =
            List.of("_total", "_created", "_count", "_sum", "_bucket", "_info", "_gcount", "_gsum");

    private ReservedWords() {
    }

    /** The label a type's samples carry beside the metric's own ({@code le}, {@code quantile}), or null. */
    static String sampleLabel(MetricType type) {
        switch (type) {
            case HISTOGRAM: return "le";
            case SUMMARY: return "quantile";
            default: return null;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
