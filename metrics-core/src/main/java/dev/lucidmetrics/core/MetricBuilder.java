package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.FamilySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What every metric builder of {@link AppMetrics} shares: the full name, the help text, and registration. Names are
 * checked when {@code register()} is called; a broken rule throws {@link IllegalArgumentException} quoting the
 * name, the rule and the fix.
 *
 * @param <B> the concrete builder
 * @param <M> the metric it registers
 */
abstract class MetricBuilder<B extends MetricBuilder<B, M>, M> {

    final AppMetrics app;
    final String name;
    final MetricType type;
    String help;

    MetricBuilder(AppMetrics app, String name, MetricType type) {
        this.app = app;
        this.name = app.qualify(name);
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /** One sentence saying what is measured; required. */
    public B help(String help) {
        this.help = help;
        return self();
    }

    /** Checks the naming rules, registers the metric with the app's registry and returns it. Idempotent. */
    public M register() {
        checkNames();
        return app.registerOnce(this, this::create);
    }

    /** Throws, listing every naming rule the name, help and label names break. */
    final void checkNames() {
        List<String> findings = new ArrayList<>(MetricNames.checkName(name, type, app.namespace()));
        findings.addAll(MetricNames.checkHelp(name, help));
        findings.addAll(checkLabelNames());
        if (findings.isEmpty()) {
            String refusal = app.registry().backend().refusal(name, type);
            if (refusal != null) {
                findings.add(refusal);   // a name the rules allow and the backend's client cannot expose
            }
        }
        Checks.noFindings(findings);
    }

    /** The metric's own label names (not the app's common labels), for the registry's consistency check. */
    abstract List<String> labelNames();

    /** Every naming rule the label names break, common labels included; empty when they are good. */
    List<String> checkLabelNames() {
        List<String> findings = new ArrayList<>(MetricNames.checkLabelNames(name, type, labelNames()));
        for (String common : app.commonLabelNames()) {
            if (labelNames().contains(common)) {
                findings.add("Label name \"" + common + "\" of \"" + name + "\" is already a common label of the app:"
                        + " drop it from the metric's label names.");
            }
        }
        return findings;
    }

    /** Builds the metric; called once per name by {@link AppMetrics}. */
    abstract M create();

    /** The family as the backend registers it: full name, type, help, every label name. */
    final FamilySpec spec() {
        return new FamilySpec(name, type, help, List.of(allLabelNames()));
    }

    /** The full label names: the app's common labels, then the metric's own. */
    final String[] allLabelNames() {
        List<String> all = new ArrayList<>(app.commonLabelNames());
        all.addAll(labelNames());
        return all.toArray(new String[0]);
    }
}
