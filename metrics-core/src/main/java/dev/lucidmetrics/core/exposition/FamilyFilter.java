package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * Chooses the families of one scrape: those named by {@code name[]} (all when none is given), without simpleclient's
 * {@code _created} series unless asked for.
 * <p>
 * simpleclient's own filter tests <em>sample</em> names, so {@code name[]=jvm_gc_collection_seconds} (a summary whose
 * samples are {@code _count} and {@code _sum}) selects nothing. Here a family is selected by its family name, by the
 * name it is queried under ({@code x_total}, {@code x_info}), or, as in simpleclient, sample by sample.
 */
final class FamilyFilter {

    private final Set<String> names;
    private final boolean createdSeries;

    FamilyFilter(Set<String> names, boolean createdSeries) {
        this.names = Set.copyOf(names);
        this.createdSeries = createdSeries;
    }

    /**
     * The selected families sorted by name, collected now (collectors run once per scrape). Sorted because the
     * registry's order follows identity hash codes and changes from run to run; a stable order keeps diffs readable.
     */
    Enumeration<MetricFamilySamples> collect(CollectorRegistry registry) {
        Enumeration<MetricFamilySamples> source = names.isEmpty()
                ? registry.metricFamilySamples()
                : registry.filteredMetricFamilySamples(this::mayBelongToSelection);
        List<MetricFamilySamples> selected = new ArrayList<>();
        while (source.hasMoreElements()) {
            MetricFamilySamples family = keep(source.nextElement());
            if (family != null) {
                selected.add(family);
            }
        }
        selected.sort(Comparator.comparing(family -> family.name));
        return Collections.enumeration(selected);
    }

    /**
     * Generous pre-selection handed to simpleclient, which tests it on family and sample names: true for a requested
     * name and for every name derived from one. {@link #keep} removes what this lets through by accident.
     */
    private boolean mayBelongToSelection(String name) {
        if (names.contains(name)) {
            return true;
        }
        for (String suffix : MetricNames.sampleSuffixes()) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                if (names.contains(stem) || names.contains(stem + "_total") || names.contains(stem + "_info")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The family with only the samples to expose, or null when none is left of a family not asked for by name. */
    private MetricFamilySamples keep(MetricFamilySamples family) {
        boolean wholeFamily = names.isEmpty() || names.contains(family.name)
                || names.contains(queriedName(family));
        if (wholeFamily && (createdSeries || !hasCreatedSeries(family))) {
            return family;
        }
        List<Sample> samples = new ArrayList<>(family.samples.size());
        for (Sample sample : family.samples) {
            boolean created = hasCreatedSeries(family) && sample.name.equals(family.name + "_created");
            if ((createdSeries || !created) && (wholeFamily || names.contains(sample.name))) {
                samples.add(sample);
            }
        }
        if (!wholeFamily && samples.isEmpty()) {
            return null;
        }
        return new MetricFamilySamples(family.name, family.unit, family.type, family.help, samples);
    }

    /** The name people query the family by: {@code x_total} for a counter, {@code x_info} for an info. */
    private static String queriedName(MetricFamilySamples family) {
        MetricType type = family.type == Collector.Type.COUNTER ? MetricType.COUNTER
                : family.type == Collector.Type.INFO ? MetricType.INFO : MetricType.UNKNOWN;
        return MetricNames.queriedName(family.name, type);
    }

    /** True for the types whose samples include simpleclient's {@code _created} series. */
    private static boolean hasCreatedSeries(MetricFamilySamples family) {
        return family.type == Collector.Type.COUNTER || family.type == Collector.Type.HISTOGRAM
                || family.type == Collector.Type.SUMMARY;
    }
}
