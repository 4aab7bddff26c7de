package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The naming rules, shared by {@link AppMetrics.Builder} (the namespace), the metric factories (which throw with
 * every finding) and {@link NamingLint} (which reports them one by one). Each finding quotes the name, the rule and
 * the fix. The rules of names are in {@link NameIssues}; docs/naming.md lists them all.
 */
final class NamingRules {

    static final int MAX_LABEL_NAMES = 10;

    private static final Set<String> RESERVED_LABELS = Set.of("le", "quantile");

    private NamingRules() {
    }

    /**
     * Every rule the namespace breaks; empty when it is good. A namespace is the first words of every name of an
     * app, so it follows the rules of a name's words, and a fix suggests a namespace that passes them all.
     */
    static List<String> checkNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return List.of("Namespace " + quote(namespace) + " is not snake_case (lower-case letters, digits and"
                    + " single underscores, starting with a letter): rename it to \"my_app\".");
        }
        return render(NameIssues.of(namespace, null, 0), NameIssues.suggest(namespace, null, 0));
    }

    /**
     * Every rule the full metric name breaks, for a metric of the given type in an app with {@code namespace};
     * empty when the name is good. Each finding suggests the same name, one that breaks none of the rules.
     */
    static List<String> checkName(String name, MetricType type, String namespace) {
        if (name == null || name.isEmpty()) {
            return List.of("Metric name is empty: give the metric a snake_case name such as \"jobs_processed_total\".");
        }
        int keep = namespace != null && name.startsWith(namespace + "_") ? namespace.split("_").length : 1;
        return render(NameIssues.of(name, type, keep), NameIssues.suggest(name, type, keep));
    }

    private static List<String> render(List<NameIssues.Issue> issues, String suggestion) {
        List<String> findings = new ArrayList<>();
        for (NameIssues.Issue issue : issues) {
            findings.add(issue.render(suggestion));
        }
        return findings;
    }

    /**
     * Every rule the label names of a metric of {@code type} break; empty when they are good. An info metric has
     * one series, so its labels (facts) are not capped.
     */
    static List<String> checkLabelNames(String metric, MetricType type, List<String> labelNames) {
        List<String> findings = new ArrayList<>();
        if (labelNames.size() > MAX_LABEL_NAMES && type != MetricType.INFO) {
            findings.add(quote(metric) + " has " + labelNames.size() + " label names " + labelNames + "; at most "
                    + MAX_LABEL_NAMES + " are allowed: split the metric or move fixed values into an _info metric.");
        }
        for (int i = 0; i < labelNames.size(); i++) {
            String label = labelNames.get(i);
            if (label == null || label.isEmpty()) {
                findings.add(quote(metric) + " has an empty label name: give every label a snake_case name.");
                continue;
            }
            if (label.startsWith("__")) {
                findings.add("Label name " + quote(label) + " of " + quote(metric) + " starts with \"__\", which is"
                        + " reserved for Prometheus internals: drop the leading underscores.");
            } else if (!NameIssues.SNAKE_CASE.matcher(label).matches()) {
                String fixed = toSnakeCase(label);
                boolean usable = !RESERVED_LABELS.contains(fixed) && !labelNames.contains(fixed);
                findings.add("Label name " + quote(label) + " of " + quote(metric) + " is not snake_case (lower-case"
                        + " letters, digits and single underscores, starting with a letter): " + (usable
                        ? "rename it to " + quote(fixed) + "." : "rename it in lower case, with single underscores"
                        + " between words."));
            }
            if (RESERVED_LABELS.contains(label)) {
                findings.add("Label name " + quote(label) + " of " + quote(metric) + " is reserved for histogram"
                        + " buckets and summary quantiles: choose another name.");
            }
            if (labelNames.subList(0, i).contains(label)) {
                findings.add("Label name " + quote(label) + " of " + quote(metric) + " is given twice: give each"
                        + " label once.");
            }
        }
        return findings;
    }

    static List<String> checkHelp(String metric, String help) {
        if (help == null || help.isBlank()) {
            return List.of(quote(metric) + " has no help text: add .help(\"what it measures, in one sentence\").");
        }
        return List.of();
    }

    /**
     * The snake_case spelling of {@code name}: words split where a lower-case letter meets an upper-case one
     * ("ordersPlaced"), never inside a run of capitals ("SReclaimable" is "sreclaimable", not the unit "s") or
     * after a digit ("DirectMap2M" is "direct_map2m").
     */
    static String toSnakeCase(String name) {
        String s = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "my_metric";
        }
        return Character.isDigit(s.charAt(0)) ? "m_" + s : s;
    }

    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
