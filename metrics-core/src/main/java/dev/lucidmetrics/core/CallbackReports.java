package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.CallbackSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link Callback} reports at each scrape, checked: asks the application's reporter for the values, leaves
 * out what cannot be exposed (a failing reporter, a bad value, a duplicate or over-the-cap combination) and warns
 * once per kind of problem. The backend's collector reads it.
 */
final class CallbackReports implements CallbackSource {

    private static final System.Logger LOG = System.getLogger(Callback.class.getName());

    private final String name;
    private final MetricType type;
    private final String[] commonValues;
    private final int ownLabels;
    private final int limit;
    private final Callback.Reporter reporter;
    private final AtomicBoolean warnedFailure = new AtomicBoolean();
    private final AtomicBoolean warnedValue = new AtomicBoolean();
    private final AtomicBoolean warnedCombination = new AtomicBoolean();

    CallbackReports(LabelledBuilder<?, ?> b, Callback.Reporter reporter) {
        this.name = b.name;
        this.type = b.type;
        this.commonValues = b.app.commonLabelValues();
        this.ownLabels = b.labelNames.size();
        this.limit = b.maxLabelCombinations;
        this.reporter = reporter;
    }

    @Override
    public void read(Sink sink) {
        List<String[]> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        try {
            reporter.report((value, labelValues) -> {
                String[] all = admit(seen, value, labelValues);
                if (all != null) {
                    labels.add(all);
                    values.add(value);
                }
            });
        } catch (RuntimeException e) {
            warnOnce(warnedFailure, "The callback of \"" + name + "\" threw " + e + "; its series are left out of"
                    + " the scrape (the scrape itself still answers). Logged once.", e);
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            sink.sample(values.get(i), labels.get(i));
        }
    }

    /** The full label values of a sample to expose, or null when it is left out (with one warning per kind). */
    private String[] admit(Set<List<String>> seen, double value, String... labelValues) {
        if (labelValues == null || labelValues.length != ownLabels || Arrays.asList(labelValues).contains(null)) {
            throw new IllegalArgumentException("\"" + name + "\" takes " + ownLabels + " non-null label values but its"
                    + " callback reported " + Arrays.toString(labelValues) + ".");
        }
        if (type == MetricType.COUNTER && !(value >= 0)) {
            warnOnce(warnedValue, "The callback of counter \"" + name + "\" reported " + value + " for "
                    + Arrays.toString(labelValues) + "; a counter's value is never negative or NaN, so that series is"
                    + " left out. Logged once.", null);
            return null;
        }
        String[] all = Arrays.copyOf(commonValues, commonValues.length + labelValues.length);
        System.arraycopy(labelValues, 0, all, commonValues.length, labelValues.length);
        List<String> key = Arrays.asList(all);
        if (seen.contains(key) || seen.size() >= limit) {
            warnOnce(warnedCombination, "The callback of \"" + name + "\" reported " + Arrays.toString(labelValues)
                    + (seen.contains(key) ? " twice in one scrape; the first value is kept"
                    : " past the cap of " + limit + " label combinations; it is left out") + ". Logged once.", null);
            return null;
        }
        seen.add(key);
        return all;
    }

    private static void warnOnce(AtomicBoolean warned, String message, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, message, cause);
        }
    }
}
