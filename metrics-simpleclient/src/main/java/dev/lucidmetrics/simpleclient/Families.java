package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.model.MetricSnapshots;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.model.SampleSnapshot;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import dev.lucidmetrics.core.spi.ScrapeOptions;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** simpleclient's families as the API sees them: selected and written for a scrape, or read into snapshots. */
final class Families {

    private Families() {
    }

    /**
     * Writes the families {@code options} selects, sorted by name (the registry's order follows identity hash codes
     * and changes from run to run), with simpleclient's writer for {@code format}. Every family is collected and then
     * selected: simpleclient's own filter works on sample names and drops a family with no sample yet, whose HELP
     * and TYPE a scrape still shows.
     */
    static void write(CollectorRegistry registry, ExpositionFormat format, ScrapeOptions options, OutputStream out)
            throws IOException {
        List<MetricFamilySamples> selected = new ArrayList<>();
        Enumeration<MetricFamilySamples> source = registry.metricFamilySamples();
        while (source.hasMoreElements()) {
            MetricFamilySamples family = source.nextElement();
            if (options.includes(family.name, typeOf(family))) {
                selected.add(options.createdSeries() ? family : withoutCreated(family));
            }
        }
        selected.sort(Comparator.comparing(family -> family.name));
        String contentType = format == ExpositionFormat.OPENMETRICS ? TextFormat.CONTENT_TYPE_OPENMETRICS_100
                : TextFormat.CONTENT_TYPE_004;
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        TextFormat.writeFormat(contentType, writer, Collections.enumeration(selected));
        writer.flush();
    }

    /** Every family of {@code registry}, with the name each is queried by. */
    static MetricSnapshots snapshot(CollectorRegistry registry) {
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

    /** The family without simpleclient's {@code _created} samples (client_java 1.x leaves them out by default). */
    private static MetricFamilySamples withoutCreated(MetricFamilySamples family) {
        if (family.type != Collector.Type.COUNTER && family.type != Collector.Type.HISTOGRAM
                && family.type != Collector.Type.SUMMARY) {
            return family;
        }
        String created = family.name + "_created";
        List<MetricFamilySamples.Sample> kept = new ArrayList<>(family.samples.size());
        for (MetricFamilySamples.Sample sample : family.samples) {
            if (!sample.name.equals(created)) {
                kept.add(sample);
            }
        }
        return new MetricFamilySamples(family.name, family.unit, family.type, family.help, kept);
    }
}
