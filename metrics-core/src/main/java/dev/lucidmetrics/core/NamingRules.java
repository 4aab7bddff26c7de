package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming rules, as one list of checks shared by the metric factories (which throw on the first finding) and by
 * {@link NamingLint} (which reports them all). Each finding quotes the name, the rule and the fix.
 */
final class NamingRules {

    static final int MAX_LABEL_NAMES = 10;

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Set<String> TYPE_WORDS =
            Set.of("counter", "gauge", "histogram", "summary", "untyped", "metric");
    private static final Set<String> RESERVED_SUFFIXES = Set.of("bucket", "count", "sum", "created", "info");
    private static final Set<String> RESERVED_LABELS = Set.of("le", "quantile");

    /** Abbreviated or non-base units, mapped to the base unit to use instead (promtool flags the same words). */
    private static final Map<String, String> NON_BASE_UNITS = Map.ofEntries(
            Map.entry("ms", "seconds"), Map.entry("millis", "seconds"), Map.entry("msec", "seconds"),
            Map.entry("micros", "seconds"), Map.entry("us", "seconds"), Map.entry("ns", "seconds"),
            Map.entry("nanos", "seconds"), Map.entry("s", "seconds"), Map.entry("sec", "seconds"),
            Map.entry("secs", "seconds"), Map.entry("second", "seconds"), Map.entry("m", "seconds"),
            Map.entry("min", "seconds"), Map.entry("mins", "seconds"), Map.entry("minutes", "seconds"),
            Map.entry("h", "seconds"), Map.entry("hours", "seconds"), Map.entry("d", "seconds"),
            Map.entry("days", "seconds"), Map.entry("weeks", "seconds"), Map.entry("b", "bytes"),
            Map.entry("byte", "bytes"), Map.entry("kb", "bytes"), Map.entry("kib", "bytes"), Map.entry("mb", "bytes"),
            Map.entry("mib", "bytes"), Map.entry("gb", "bytes"), Map.entry("gib", "bytes"), Map.entry("tb", "bytes"),
            Map.entry("pb", "bytes"), Map.entry("percent", "ratio"), Map.entry("pct", "ratio"),
            Map.entry("percentage", "ratio"), Map.entry("fahrenheit", "celsius"));

    /** SI and binary prefixes: a prefix glued to a base unit ("milliseconds", "kibibytes") is not a base unit. */
    private static final List<String> UNIT_PREFIXES = List.of("pico", "nano", "micro", "milli", "centi", "deci",
            "deca", "hecto", "kilo", "mega", "giga", "tera", "peta", "exa", "kibi", "mebi", "gibi", "tebi", "pebi");
    private static final Set<String> BASE_UNITS = Set.of("seconds", "bytes", "meters", "metres", "grams", "joules",
            "volts", "amperes", "hertz", "celsius", "kelvin", "bits");

    private NamingRules() {
    }

    /**
     * Every rule the namespace breaks; empty when it is good. A namespace is the first words of every name of an
     * app, so it follows the rules of a name.
     */
    static List<String> checkNamespace(String namespace) {
        String finding = notSnakeCase("Namespace ", namespace, "");
        return finding == null ? List.of() : List.of(finding);
    }

    /** Every rule the full metric name breaks, for a metric of the given type; empty when the name is good. */
    static List<String> checkName(String name, MetricType type) {
        List<String> findings = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            findings.add("Metric name is empty: give the metric a snake_case name such as \"jobs_processed_total\".");
            return findings;
        }
        noColon(name, findings);
        if (!snakeCase(name, findings)) {
            return findings;
        }
        String[] words = name.split("_");
        totalMarksCounters(name, type, findings);
        String checked = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        String checkedLast = checked.substring(checked.lastIndexOf('_') + 1);
        infoEndsInInfo(name, type, checkedLast, findings);
        noReservedSuffix(name, type, checkedLast, findings);
        for (int i = 0; i < words.length; i++) {
            noTypeWord(name, words[i], findings);
            baseUnits(name, words, i, findings);
        }
        return findings;
    }

    private static void noColon(String name, List<String> findings) {
        if (name.contains(":")) {
            findings.add(quote(name) + " contains ':', which is reserved for recording rules: use '_' instead, as in \""
                    + name.replace(':', '_') + "\".");
        }
    }

    private static boolean snakeCase(String name, List<String> findings) {
        String finding = notSnakeCase("", name, "");
        if (finding != null) {
            findings.add(finding);
        }
        return finding == null;
    }

    /**
     * The one snake_case rule, for namespaces, metric names and label names: null when {@code value} follows it,
     * else the finding "{@code what} "value"{@code where} is not snake_case (...): rename it to ...".
     */
    private static String notSnakeCase(String what, String value, String where) {
        if (value != null && SNAKE_CASE.matcher(value).matches()) {
            return null;
        }
        return what + quote(value) + where + " is not snake_case (lower-case letters, digits and single underscores,"
                + " starting with a letter): rename it to \"" + toSnakeCase(String.valueOf(value)) + "\".";
    }

    private static void totalMarksCounters(String name, MetricType type, List<String> findings) {
        boolean endsTotal = name.endsWith("_total");
        if (type == MetricType.COUNTER && !endsTotal) {
            findings.add("Counter " + quote(name) + " must end in \"_total\": rename it to \"" + name + "_total\".");
        }
        if (type != MetricType.COUNTER && endsTotal) {
            findings.add(type.displayName() + " " + quote(name) + " must not end in \"_total\", which marks counters:"
                    + " drop the suffix (\"" + name.substring(0, name.length() - "_total".length()) + "\") or make it a"
                    + " counter.");
        }
    }

    private static void infoEndsInInfo(String name, MetricType type, String last, List<String> findings) {
        if (type == MetricType.INFO && !"info".equals(last)) {
            findings.add("Info metric " + quote(name) + " must end in \"_info\": rename it to \"" + name + "_info\".");
        }
    }

    private static void noReservedSuffix(String name, MetricType type, String last, List<String> findings) {
        boolean infoAllowed = type == MetricType.INFO && "info".equals(last);
        if (RESERVED_SUFFIXES.contains(last) && !infoAllowed) {
            findings.add(quote(name) + " ends in the reserved suffix \"_" + last + "\", which Prometheus derives"
                    + " for histograms, summaries and info metrics: choose another last word"
                    + ("info".equals(last) ? " or use the info metric factory." : "."));
        }
    }

    private static void noTypeWord(String name, String word, List<String> findings) {
        if (TYPE_WORDS.contains(word)) {
            findings.add(quote(name) + " names a metric type (\"" + word + "\"): the type is already in the"
                    + " exposition; describe what is measured instead.");
        }
    }

    private static void baseUnits(String name, String[] words, int i, List<String> findings) {
        String base = baseUnitFor(words[i]);
        if (base != null) {
            String[] fixed = words.clone();
            fixed[i] = base;
            findings.add(quote(name) + " uses the unit \"" + words[i] + "\": use the base unit \"" + base
                    + "\" and convert the value (for example \"" + String.join("_", fixed) + "\").");
        }
    }

    /** The base unit to use instead of {@code word}, or null when {@code word} is not a non-base unit. */
    private static String baseUnitFor(String word) {
        String base = NON_BASE_UNITS.get(word);
        if (base != null) {
            return base;
        }
        for (String prefix : UNIT_PREFIXES) {
            if (word.startsWith(prefix) && BASE_UNITS.contains(word.substring(prefix.length()))) {
                return word.substring(prefix.length());
            }
        }
        return null;
    }

    /** Every rule the label names break; empty when they are good. */
    static List<String> checkLabelNames(String metric, List<String> labelNames) {
        List<String> findings = new ArrayList<>();
        if (labelNames.size() > MAX_LABEL_NAMES) {
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
            } else {
                String notSnakeCase = notSnakeCase("Label name ", label, " of " + quote(metric));
                if (notSnakeCase != null) {
                    findings.add(notSnakeCase);
                }
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

    static String toSnakeCase(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
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
