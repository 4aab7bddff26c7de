package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.MetricType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * What the builders of labelled metrics (counter, gauge, histogram, summary) add: label names and the cap on label
 * combinations.
 *
 * @param <B> the concrete builder
 * @param <M> the metric it registers
 */
abstract class LabelledBuilder<B extends LabelledBuilder<B, M>, M> extends MetricBuilder<B, M> {

    List<String> labelNames = List.of();
    int maxLabelCombinations;

    LabelledBuilder(AppMetrics app, String name, MetricType type) {
        super(app, name, type);
        this.maxLabelCombinations = app.defaultMaxLabelCombinations();
    }

    /** The label names, in the order {@code labels(...)} takes their values. */
    public B labelNames(String... labelNames) {
        // not List.copyOf: a null name must reach the naming rules, which report it
        this.labelNames = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(labelNames)));
        return self();
    }

    /**
     * At most this many label-value combinations get their own series; later ones are recorded under
     * {@value CardinalityGuard#OVERFLOW} for every label, with one warning. Default from
     * {@link AppMetrics.Builder#maxLabelCombinations(int)} (1000).
     */
    public B maxLabelCombinations(int limit) {
        this.maxLabelCombinations = Checks.atLeastOne("maxLabelCombinations", limit,
                AppMetrics.DEFAULT_MAX_LABEL_COMBINATIONS);
        return self();
    }

    @Override
    final List<String> labelNames() {
        return labelNames;
    }

    /** Registers a callback metric reading its one value from {@code value} at each scrape (no label names). */
    final Callback registerCallbackOf(DoubleSupplier value) {
        Checks.notNull("value", value, "pass the supplier of the value, such as queue::size");
        if (!labelNames.isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" has label names " + labelNames + ": register a"
                    + " Callback.Reporter that reports each series with its label values instead of one value.");
        }
        return registerCallbackOf((Callback.Reporter) series -> series.report(value.getAsDouble()));
    }

    /** Registers a callback metric whose series {@code reporter} reports at each scrape. */
    final Callback registerCallbackOf(Callback.Reporter reporter) {
        Checks.notNull("reporter", reporter, "pass a Callback.Reporter such as series -> series.report(v, \"x\")");
        checkNames();
        return app.registerOnce(this, (AppMetrics.CallbackRegistration) () -> {
            new CallbackCollector(this, reporter).register(app.collectorRegistry());
            return new Callback(name);
        });
    }
}
