package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.CounterSeries;
import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.SeriesFamily;
import io.prometheus.client.Collector;
import io.prometheus.client.exemplars.CounterExemplarSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A counter family on simpleclient: our {@link CounterStorage} series, exposed as simpleclient's own counter would
 * be — a family named without {@code _total}, a {@code _total} sample with the series' exemplar, and a
 * {@code _created} sample (which the scrape leaves out unless asked for).
 */
final class CounterCollector extends Collector implements Collector.Describable, SeriesFamily<CounterSeries> {

    private final String familyName;
    private final String totalName;
    private final String createdName;
    private final String help;
    private final List<String> labelNames;
    private final CounterExemplarSampler sampler;
    private final Map<List<String>, CounterStorage> series = new ConcurrentHashMap<>();

    CounterCollector(FamilySpec spec, CounterExemplarSampler sampler) {
        this.familyName = MetricNames.familyName(spec.name(), MetricType.COUNTER);
        this.totalName = spec.name();
        this.createdName = familyName + "_created";
        this.help = spec.help();
        this.labelNames = spec.labelNames();
        this.sampler = sampler;
    }

    @Override
    public CounterSeries series(String[] labelValues) {
        return series.computeIfAbsent(List.of(labelValues), k -> new CounterStorage(sampler));
    }

    @Override
    public void remove(String[] labelValues) {
        series.remove(Arrays.asList(labelValues));
    }

    @Override
    public void clear() {
        series.clear();
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new MetricFamilySamples(familyName, Type.COUNTER, help, List.of()));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(2 * series.size());
        series.forEach((values, s) -> {
            samples.add(new MetricFamilySamples.Sample(totalName, labelNames, values, s.get(), s.exemplar()));
            samples.add(new MetricFamilySamples.Sample(createdName, labelNames, values, s.created() / 1000.0));
        });
        return List.of(new MetricFamilySamples(familyName, Type.COUNTER, help, samples));
    }
}
