package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.CallbackSource;
import dev.lucidmetrics.core.spi.FamilySpec;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A counter or gauge whose samples the API's {@link CallbackSource} reports at each collection. */
final class CallbackCollector extends Collector implements Collector.Describable {

    private final String familyName;
    private final String sampleName;
    private final Type type;
    private final String help;
    private final List<String> labelNames;
    private final CallbackSource source;

    CallbackCollector(FamilySpec spec, CallbackSource source) {
        this.familyName = MetricNames.familyName(spec.name(), spec.type());
        this.sampleName = spec.name();
        this.type = spec.type() == MetricType.COUNTER ? Type.COUNTER : Type.GAUGE;
        this.help = spec.help();
        this.labelNames = spec.labelNames();
        this.source = source;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new MetricFamilySamples(familyName, type, help, List.of()));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<Sample> samples = new ArrayList<>();
        source.read((value, labelValues) -> samples.add(new Sample(sampleName, labelNames, Arrays.asList(labelValues),
                value)));
        return List.of(new MetricFamilySamples(familyName, type, help, samples));
    }
}
