package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.model.MetricType;
import java.util.ArrayList;
import java.util.List;

/** The rules of a metric's label names: how many, their spelling, the reserved ones, no repeats. */
final class LabelRules {

    /** Label names of one metric; more is a sign that the metric should be split or its facts moved to an info. */
    static final int MAX_LABEL_NAMES = 10;

    private LabelRules() {
    }

    /**
     * Every rule the label names of a metric of {@code type} break; empty when they are good. An info metric has
     * one series, so its labels (facts) are not capped.
     */
    static List<String> findings(String metric, MetricType type, List<String> labelNames) {
        List<String> findings = new ArrayList<>();
        if (labelNames.size() > MAX_LABEL_NAMES && type != MetricType.INFO) {
            findings.add(NameRules.quote(metric) + " has " + labelNames.size() + " label names " + labelNames
                    + "; at most " + MAX_LABEL_NAMES + " are allowed: split the metric or move fixed values into an"
                    + " _info metric.");
        }
        for (int i = 0; i < labelNames.size(); i++) {
            String label = labelNames.get(i);
            if (label == null || label.isEmpty()) {
                findings.add(NameRules.quote(metric) + " has an empty label name: give every label a snake_case"
                        + " name.");
                continue;
            }
            findings.addAll(spelling(metric, label, labelNames));
            if (labelNames.subList(0, i).contains(label)) {
                findings.add("Label name " + NameRules.quote(label) + " of " + NameRules.quote(metric) + " is given"
                        + " twice: give each label once.");
            }
        }
        return findings;
    }

    /** True when {@code label} breaks none of the rules of one label name (snake_case, not reserved). */
    static boolean isValid(String label) {
        return label != null && !label.isEmpty() && spelling("", label, List.of(label)).isEmpty();
    }

    private static List<String> spelling(String metric, String label, List<String> labelNames) {
        List<String> findings = new ArrayList<>();
        String of = metric.isEmpty() ? "" : " of " + NameRules.quote(metric);
        if (label.startsWith("__")) {
            findings.add("Label name " + NameRules.quote(label) + of + " starts with \"__\", which is reserved for"
                    + " Prometheus internals: drop the leading underscores.");
        } else if (!NameRules.SNAKE_CASE.matcher(label).matches()) {
            String fixed = NameRules.toSnakeCase(label);
            boolean usable = !ReservedWords.LABELS.contains(fixed) && !labelNames.contains(fixed);
            findings.add("Label name " + NameRules.quote(label) + of + " is not snake_case (lower-case letters,"
                    + " digits and single underscores, starting with a letter): " + (usable ? "rename it to "
                    + NameRules.quote(fixed) + "." : "rename it in lower case, with single underscores between"
                    + " words."));
        }
        if (ReservedWords.LABELS.contains(label)) {
            findings.add("Label name " + NameRules.quote(label) + of + " is reserved for histogram buckets and"
                    + " summary quantiles: choose another name.");
        }
        return findings;
    }
}
