package dev.lucidmetrics.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What every metric builder of {@link AppMetrics} shares: help, label names, a cardinality limit and exemplars.
 * Names are checked when {@code register()} is called; a broken rule throws {@link IllegalArgumentException}
 * quoting the name, the rule and the fix.
 *
 * @param <B> the concrete builder
 * @param <M> the metric it registers
 */
public abstract class MetricBuilder<B extends MetricBuilder<B, M>, M> {

    final AppMetrics app;
    final String name;
    final MetricType type;
    String help;
    List<String> labelNames = List.of();
    int maxLabelCombinations;
    boolean exemplars;

    MetricBuilder(AppMetrics app, String name, MetricType type) {
        this.app = app;
        this.name = app.qualify(name);
        this.type = type;
        this.maxLabelCombinations = app.defaultMaxLabelCombinations();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** One sentence saying what is measured; required. */
    public B help(String help) {
        this.help = help;
        return self();
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
        if (limit < 1) {
            throw new IllegalArgumentException("maxLabelCombinations(" + limit + ") for \"" + name + "\" is illegal:"
                    + " it must be at least 1.");
        }
        this.maxLabelCombinations = limit;
        return self();
    }

    /**
     * Samples exemplars (trace ids from OpenTelemetry, when on the class path). Off by default: simpleclient samples
     * on every call when it is on, which costs several times the increment itself.
     */
    public B withExemplars() {
        this.exemplars = true;
        return self();
    }

    /** Checks the naming rules, registers the metric with the app's registry and returns it. Idempotent. */
    public M register() {
        List<String> findings = new ArrayList<>(NamingRules.checkName(name, type));
        findings.addAll(NamingRules.checkHelp(name, help));
        findings.addAll(NamingRules.checkLabelNames(name, labelNames));
        for (String common : app.commonLabelNames()) {
            if (labelNames.contains(common)) {
                findings.add("Label name \"" + common + "\" of \"" + name + "\" is already a common label of the app:"
                        + " drop it from labelNames(...).");
            }
        }
        if (!findings.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", findings));
        }
        return app.registerOnce(this);
    }

    /** Builds the metric; called once per name by {@link AppMetrics}. */
    abstract M create();

    /** The full label names: the app's common labels, then the metric's own. */
    String[] allLabelNames() {
        List<String> all = new ArrayList<>(app.commonLabelNames());
        all.addAll(labelNames);
        return all.toArray(new String[0]);
    }
}
