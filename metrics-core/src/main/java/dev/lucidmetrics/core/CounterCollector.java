package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * Exposes a {@link Counter}'s series to simpleclient's registry, as simpleclient's own counter would: a family named
 * without {@code _total}, a {@code _total} sample with the series' exemplar, and a {@code _created} sample (which the
 * exposition leaves out unless asked for).
 */
final class CounterCollector extends Collector implements Collector.Describable {

    private final String familyName;
    private final String totalName;
    private final String createdName;
    private final String help;
    private final List<String> labelNames;
    private final Children<Counter.Child> series;

    CounterCollector(String name, String help, String[] labelNames, Children<Counter.Child> series) {
        this.familyName = MetricNames.familyName(name, MetricType.COUNTER);
        this.totalName = name;
        this.createdName = familyName + "_created";
        this.help = help;
        this.labelNames = List.of(labelNames);
        this.series = series;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new MetricFamilySamples(familyName, Type.COUNTER, help, List.of()));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(2 * series.size());
        series.forEach((values, child) -> {
            samples.add(new MetricFamilySamples.Sample(totalName, labelNames, values, child.get(), child.exemplar()));
            samples.add(new MetricFamilySamples.Sample(createdName, labelNames, values, child.created() / 1000.0));
        });
        return List.of(new MetricFamilySamples(familyName, Type.COUNTER, help, samples));
    }
}
