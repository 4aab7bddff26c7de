package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.model.MetricType;
import java.util.List;

/**
 * The naming rules of Lucid Metrics, callable on their own: every metric factory, the batch job, the exposition and
 * the lint use these checks, and an app may too, for names it builds at run time. Each finding is one sentence that
 * quotes the name, names the rule and suggests a name that passes every rule (docs/naming.md lists them all):
 * <pre>{@code
 * MetricNames.checkName("orders_ms", MetricType.COUNTER);
 * // ["Counter \"orders_ms\" must end in \"_total\": rename it to \"orders_seconds_total\".",
 * //  "\"orders_ms\" has the word \"ms\", which promtool reads as an abbreviated unit (milliseconds), ..."]
 * MetricNames.isValidLabelName("payment");   // true
 * }</pre>
 */
public final class MetricNames {

    private MetricNames() {
    }

    /**
     * Every rule the namespace breaks; empty when it is good. A namespace is the first words of every name of an
     * app, so it follows the rules of a name's words, and a fix suggests a namespace that passes them all.
     */
    public static List<String> checkNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return List.of("Namespace " + NameRules.quote(namespace) + " is not snake_case (lower-case letters,"
                    + " digits and single underscores, starting with a letter): rename it to \"my_app\".");
        }
        return NameRules.findings(namespace, null, 0);
    }

    /** Every rule the metric name breaks for a metric of {@code type}; empty when the name is good. */
    public static List<String> checkName(String name, MetricType type) {
        return checkName(name, type, null);
    }

    /**
     * Every rule the full metric name breaks, for a metric of {@code type} in an app with {@code namespace} (whose
     * words a suggestion keeps as they are); empty when the name is good.
     */
    public static List<String> checkName(String name, MetricType type, String namespace) {
        if (name == null || name.isEmpty()) {
            return List.of("Metric name is empty: give the metric a snake_case name such as \"jobs_processed_total\".");
        }
        if (type == null) {
            throw new IllegalArgumentException("type is null: pass the metric's type, such as MetricType.COUNTER.");
        }
        int keep = namespace != null && name.startsWith(namespace + "_") ? namespace.split("_").length : 1;
        return NameRules.findings(name, type, keep);
    }

    /** True when {@code name} breaks none of the rules for a metric of {@code type}. */
    public static boolean isValidName(String name, MetricType type) {
        return checkName(name, type).isEmpty();
    }

    /**
     * Every rule the label names of metric {@code metric} of {@code type} break (spelling, reserved names, repeats,
     * at most ten); empty when they are good.
     */
    public static List<String> checkLabelNames(String metric, MetricType type, List<String> labelNames) {
        return LabelRules.findings(metric, type, labelNames);
    }

    /** True when {@code label} is a snake_case label name that neither Prometheus nor the formats reserve. */
    public static boolean isValidLabelName(String label) {
        return LabelRules.isValid(label);
    }

    /** The finding for a missing help text, or nothing: every metric says what it measures. */
    public static List<String> checkHelp(String metric, String help) {
        if (help == null || help.isBlank()) {
            return List.of(NameRules.quote(metric) + " has no help text: add .help(\"what it measures, in one"
                    + " sentence\").");
        }
        return List.of();
    }

    /**
     * The finding for an exemplar's label pairs of {@code metric} (such as {@code "trace_id", id}), or none: names
     * are Prometheus label names given once, values are not null, and all of them together have at most 128
     * characters (OpenMetrics).
     */
    public static List<String> checkExemplarLabels(String metric, String... labels) {
        return ExemplarRules.findings(metric, labels);
    }

    /**
     * The snake_case spelling of {@code name}: words split where a lower-case letter meets an upper-case one
     * ({@code ordersPlaced} is {@code orders_placed}), never inside a run of capitals or after a digit.
     */
    public static String toSnakeCase(String name) {
        return NameRules.toSnakeCase(name);
    }

    /**
     * The name the exposition formats give the family of a metric registered as {@code name}: a counter's family
     * is named without {@code _total}, which its sample adds; every other type's is the name itself.
     */
    public static String familyName(String name, MetricType type) {
        return type == MetricType.COUNTER && name.endsWith("_total")
                ? name.substring(0, name.length() - "_total".length()) : name;
    }

    /**
     * {@code sampleName} without the one suffix its type derived ({@code _total}, {@code _count}, {@code _bucket},
     * ...), or {@code sampleName} itself when it has none.
     */
    public static String sampleStem(String sampleName) {
        for (String suffix : ReservedWords.SAMPLE_SUFFIXES) {
            if (sampleName.endsWith(suffix) && sampleName.length() > suffix.length()) {
                return sampleName.substring(0, sampleName.length() - suffix.length());
            }
        }
        return sampleName;
    }

    /**
     * The name people query a family by, given the name its exposition carries: {@code x_total} for a counter
     * family {@code x}, {@code x_info} for an info family {@code x}; any other family's own name.
     */
    public static String queriedName(String familyName, MetricType type) {
        String suffix = type == MetricType.COUNTER ? "_total" : type == MetricType.INFO ? "_info" : "";
        return familyName.endsWith(suffix) ? familyName : familyName + suffix;
    }

    /** Every suffix a sample name may add to its family's name, such as {@code _total} and {@code _bucket}. */
    public static List<String> sampleSuffixes() {
        return ReservedWords.SAMPLE_SUFFIXES;
    }

    /** The label a type's own samples carry ({@code le} for histograms, {@code quantile} for summaries), or null. */
    public static String sampleLabel(MetricType type) {
        return ReservedWords.sampleLabel(type);
    }
}
