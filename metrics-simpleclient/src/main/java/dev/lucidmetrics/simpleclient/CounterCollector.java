package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.CounterSeries;
import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.SeriesSource;
import io.prometheus.client.Collector;
import io.prometheus.client.exemplars.CounterExemplarSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A counter family on simpleclient: our {@link CounterStorage} series, exposed as simpleclient's own counter would
 * be — a family named without {@code _total}, a {@code _total} sample with the series' exemplar, and a
 * {@code _created} sample (which the scrape leaves out unless asked for). The API's record of the series is the only
 * one: this collector makes their storage and scrapes them from its {@link SeriesSource}.
 */
final class CounterCollector extends Collector implements Collector.Describable, Supplier<CounterSeries> {

    private final String familyName;
    private final String totalName;
    private final String createdName;
    private final String help;
    private final List<String> labelNames;
    private final CounterExemplarSampler sampler;
    private final SeriesSource<CounterSeries> series;

    CounterCollector(FamilySpec spec, CounterExemplarSampler sampler, SeriesSource<CounterSeries> series) {
        this.familyName = MetricNames.familyName(spec.name(), MetricType.COUNTER);
        this.totalName = spec.name();
        this.createdName = familyName + "_created";
        this.help = spec.help();
        this.labelNames = spec.labelNames();
        this.sampler = sampler;
        this.series = series;
    }

    /** A new series' storage, which the API records in this collector's source. */
    @Override
    public CounterSeries get() {
        return new CounterStorage(sampler);
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new MetricFamilySamples(familyName, Type.COUNTER, help, List.of()));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(2 * series.size());
        series.forEach((shared, any) -> {
            List<String> values = List.of(shared);
            CounterStorage s = (CounterStorage) any;
            samples.add(new MetricFamilySamples.Sample(totalName, labelNames, values, s.get(), s.exemplar()));
            samples.add(new MetricFamilySamples.Sample(createdName, labelNames, values, s.created() / 1000.0));
        });
        return List.of(new MetricFamilySamples(familyName, Type.COUNTER, help, samples));
    }
}
