package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.model.MetricSnapshots;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.model.SampleSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every metric of an app against the naming rules the factories enforce, for use in an app's own tests:
 * <pre>{@code
 * assertEquals(List.of(), NamingLint.check(app.snapshot(), app.namespace()));
 * }</pre>
 * Metrics registered straight into the app's registry through the escape hatch, around the factories, are checked
 * too. The test kit ({@code metrics-testing}) wraps this as {@code MetricsAssertions.assertNamingClean(app)}.
 */
public final class NamingLint {

    private NamingLint() {
    }

    /** One broken rule of one metric. */
    public static final class Finding {
        private final String metric;
        private final String message;

        Finding(String metric, String message) {
            this.metric = metric;
            this.message = message;
        }

        public String metric() {
            return metric;
        }

        public String message() {
            return message;
        }

        @Override
        public String toString() {
            return metric + ": " + message;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Finding && ((Finding) o).metric.equals(metric) && ((Finding) o).message.equals(message);
        }

        @Override
        public int hashCode() {
            return metric.hashCode() * 31 + message.hashCode();
        }
    }

    /**
     * Every finding for every family of {@code snapshots}, by metric name; empty when all names are good. The words
     * of {@code namespace} (null: none) are kept as they are in the names the findings suggest.
     */
    public static List<Finding> check(MetricSnapshots snapshots, String namespace) {
        Checks.notNull("snapshots", snapshots, "pass the app's families, such as app.snapshot()");
        Set<Finding> findings = new LinkedHashSet<>();
        for (FamilySnapshot family : snapshots) {
            String name = family.name();
            MetricType type = family.type();
            for (String message : MetricNames.checkName(name, type, namespace)) {
                findings.add(new Finding(name, message));
            }
            for (String message : MetricNames.checkHelp(name, family.help())) {
                findings.add(new Finding(name, message));
            }
            Set<List<String>> labelSets = new LinkedHashSet<>();
            for (SampleSnapshot sample : family.samples()) {
                List<String> labels = new ArrayList<>(sample.labels().keySet());
                labels.remove(MetricNames.sampleLabel(type));
                labelSets.add(labels);
            }
            for (List<String> labels : labelSets) {
                for (String message : MetricNames.checkLabelNames(name, type, labels)) {
                    findings.add(new Finding(name, message));
                }
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::metric));
        return List.copyOf(sorted);
    }
}
