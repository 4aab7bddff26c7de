package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simpleclient collector behind a {@link Callback}: asks the application's reporter for the values at each
 * collection, leaves out what it cannot expose (a failing reporter, a bad value, a duplicate or over-the-cap
 * combination) and warns once per kind of problem.
 */
final class CallbackCollector extends Collector implements Collector.Describable {

    private static final System.Logger LOG = System.getLogger(Callback.class.getName());

    private final String name;
    private final String familyName;
    private final String sampleName;
    private final String help;
    private final MetricType type;
    private final List<String> labelNames;
    private final String[] commonValues;
    private final int ownLabels;
    private final int limit;
    private final Callback.Reporter reporter;
    private final AtomicBoolean warnedFailure = new AtomicBoolean();
    private final AtomicBoolean warnedValue = new AtomicBoolean();
    private final AtomicBoolean warnedCombination = new AtomicBoolean();

    CallbackCollector(LabelledBuilder<?, ?> b, Callback.Reporter reporter) {
        this.name = b.name;
        this.type = b.type;
        this.familyName = MetricNames.familyName(name, type);
        this.sampleName = name;
        this.help = b.help;
        this.labelNames = List.of(b.allLabelNames());
        this.commonValues = b.app.commonLabelValues();
        this.ownLabels = b.labelNames.size();
        this.limit = b.maxLabelCombinations;
        this.reporter = reporter;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(family(List.of()));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<Sample> samples = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        try {
            reporter.report((value, labelValues) -> add(samples, seen, value, labelValues));
        } catch (RuntimeException e) {
            warnOnce(warnedFailure, "The callback of \"" + name + "\" threw " + e + "; its series are left out of"
                    + " the scrape (the scrape itself still answers). Logged once.", e);
            samples.clear();
        }
        return List.of(family(samples));
    }

    private void add(List<Sample> samples, Set<List<String>> seen, double value, String... labelValues) {
        if (labelValues == null || labelValues.length != ownLabels || Arrays.asList(labelValues).contains(null)) {
            throw new IllegalArgumentException("\"" + name + "\" takes " + ownLabels + " non-null label values but its"
                    + " callback reported " + Arrays.toString(labelValues) + ".");
        }
        if (type == MetricType.COUNTER && !(value >= 0)) {
            warnOnce(warnedValue, "The callback of counter \"" + name + "\" reported " + value + " for "
                    + Arrays.toString(labelValues) + "; a counter's value is never negative or NaN, so that series is"
                    + " left out. Logged once.", null);
            return;
        }
        List<String> all = new ArrayList<>(List.of(commonValues));
        all.addAll(Arrays.asList(labelValues));
        if (seen.contains(all) || seen.size() >= limit) {
            warnOnce(warnedCombination, "The callback of \"" + name + "\" reported " + Arrays.toString(labelValues)
                    + (seen.contains(all) ? " twice in one scrape; the first value is kept"
                    : " past the cap of " + limit + " label combinations; it is left out") + ". Logged once.", null);
            return;
        }
        seen.add(all);
        samples.add(new Sample(sampleName, labelNames, all, value));
    }

    private MetricFamilySamples family(List<Sample> samples) {
        return new MetricFamilySamples(familyName, type == MetricType.COUNTER ? Type.COUNTER : Type.GAUGE, help,
                samples);
    }

    private static void warnOnce(AtomicBoolean warned, String message, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, message, cause);
        }
    }
}
