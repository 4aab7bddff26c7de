package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.MetricType;
import dev.lucidmetrics.core.internal.SampleNames;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every metric of an app against the naming rules the factories enforce, for use in an app's own tests:
 * <pre>{@code
 * assertEquals(List.of(), NamingLint.check(app));
 * }</pre>
 * Metrics registered directly with simpleclient into {@link AppMetrics#collectorRegistry()}, around the factories,
 * are checked too. The test kit ({@code metrics-testing}) wraps this as {@code MetricsAssertions.assertNamingClean}.
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

    /** Every finding for every metric family of {@code app}, by metric name; empty when all names are good. */
    public static List<Finding> check(AppMetrics app) {
        Checks.notNull("app", app, "pass the AppMetrics whose metrics to check");
        Set<Finding> findings = new LinkedHashSet<>();
        Enumeration<MetricFamilySamples> families = app.collectorRegistry().metricFamilySamples();
        while (families.hasMoreElements()) {
            MetricFamilySamples family = families.nextElement();
            String name = SampleNames.queriedName(family);
            MetricType type = typeOf(family);
            for (String message : NamingRules.checkName(name, type, app.namespace())) {
                findings.add(new Finding(name, message));
            }
            for (String message : NamingRules.checkHelp(name, family.help)) {
                findings.add(new Finding(name, message));
            }
            Set<List<String>> labelSets = new LinkedHashSet<>();
            for (MetricFamilySamples.Sample sample : family.samples) {
                List<String> labels = new ArrayList<>(sample.labelNames);
                if (family.type == Collector.Type.HISTOGRAM) {
                    labels.remove("le");
                } else if (family.type == Collector.Type.SUMMARY) {
                    labels.remove("quantile");
                }
                labelSets.add(labels);
            }
            for (List<String> labels : labelSets) {
                for (String message : NamingRules.checkLabelNames(name, type, labels)) {
                    findings.add(new Finding(name, message));
                }
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::metric));   // registry order varies from run to run
        return List.copyOf(sorted);
    }

    private static MetricType typeOf(MetricFamilySamples family) {
        switch (family.type) {
            case COUNTER: return MetricType.COUNTER;
            case GAUGE: return family.name.endsWith("_info") ? MetricType.INFO : MetricType.GAUGE;
            case HISTOGRAM: return MetricType.HISTOGRAM;
            case SUMMARY: return MetricType.SUMMARY;
            case INFO: return MetricType.INFO;
            default: return MetricType.UNKNOWN;
        }
    }
}
