package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.MetricType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
}
