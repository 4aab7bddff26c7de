package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.model.MetricSnapshots;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.model.SampleSnapshot;
import dev.lucidmetrics.core.naming.MetricNames;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads simpleclient's registry into the backend-neutral snapshot model, with each family's queried name. */
final class RegistrySnapshots {

    private RegistrySnapshots() {
    }

    static MetricSnapshots of(CollectorRegistry registry) {
        List<FamilySnapshot> families = new ArrayList<>();
        Enumeration<MetricFamilySamples> source = registry.metricFamilySamples();
        while (source.hasMoreElements()) {
            MetricFamilySamples family = source.nextElement();
            MetricType type = typeOf(family);
            List<SampleSnapshot> samples = new ArrayList<>(family.samples.size());
            for (MetricFamilySamples.Sample s : family.samples) {
                Map<String, String> labels = new LinkedHashMap<>();
                for (int i = 0; i < s.labelNames.size(); i++) {
                    labels.put(s.labelNames.get(i), s.labelValues.get(i));
                }
                samples.add(new SampleSnapshot(s.name, labels, s.value));
            }
            families.add(new FamilySnapshot(MetricNames.queriedName(family.name, type), type, family.help, samples));
        }
        return MetricSnapshots.of(families);
    }

    /** simpleclient's type as ours; its gauges named {@code x_info} are our info metrics. */
    static MetricType typeOf(MetricFamilySamples family) {
        switch (family.type) {
            case COUNTER: return MetricType.COUNTER;
            case GAUGE: return family.name.endsWith("_info") ? MetricType.INFO : MetricType.GAUGE;
            case HISTOGRAM: return MetricType.HISTOGRAM;
            case SUMMARY: return MetricType.SUMMARY;
            case INFO: return MetricType.INFO;
            default: return MetricType.UNKNOWN;
        }
    }
}
