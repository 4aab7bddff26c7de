package dev.lucidmetrics.core.naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the rule behind each finding of a refusal message, from the library's public message texts: a message may
 * hold several findings, each becomes one kind such as {@code unit(min)} or {@code reserved-suffix(created)}. Text
 * no pattern explains becomes the kind {@code unknown: <text>}, so a new rule or a reworded message cannot pass
 * unnoticed. The patterns follow the library's messages word for word; change them together.
 */
final class RefusalKinds {

    static final String UNKNOWN = "unknown";

    private static final String Q = "\"[^\"]*\"";
    /** Kind name to the pattern of its finding; group 1, when present, is the word the rule fired on. */
    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        kind("namespace", "Namespace " + Q + " is not snake_case \\(lower-case letters, digits and single underscores,"
                + " starting with a letter\\): rename it to " + Q + "\\.");
        kind("label-not-snake-case", "Label name " + Q + " of " + Q + " is not snake_case \\(lower-case letters,"
                + " digits and single underscores, starting with a letter\\): rename it to " + Q + "\\.");
        kind("empty-name", "Metric name is empty: give the metric a snake_case name such as " + Q + "\\.");
        kind("colon", Q + " contains ':', which is reserved for recording rules: use '_' instead, as in " + Q + "\\.");
        kind("not-snake-case", Q + " is not snake_case \\(lower-case letters, digits and single underscores,"
                + " starting with a letter\\): rename it to " + Q + "\\.");
        kind("counter-without-total", "Counter " + Q + " must end in \"_total\": rename it to " + Q + "\\.");
        kind("total-on-non-counter", "(?:Gauge|Histogram|Summary|Info metric|Metric) " + Q + " must not end in"
                + " \"_total\", which marks counters: drop the suffix \\(" + Q + "\\) or make it a counter\\.");
        kind("info-without-info", "Info metric " + Q + " must end in \"_info\": rename it to " + Q + "\\.");
        kind("reserved-suffix", Q + " ends in the reserved suffix \"_([a-z0-9]+)\", which Prometheus derives for"
                + " histograms, summaries and info metrics: choose another last word(?: or use the info metric"
                + " factory)?\\.");
        kind("type-word", Q + " names a metric type \\(\"([a-z0-9]+)\"\\): the type is already in the exposition;"
                + " describe what is measured instead\\.");
        kind("unit", Q + " uses the unit \"([a-z0-9]+)\": use the base unit \"[a-z]+\" and convert the value"
                + " \\(for example " + Q + "\\)\\.");
        kind("too-many-labels", Q + " has \\d+ label names \\[[^\\]]*\\]; at most \\d+ are allowed: split the"
                + " metric or move fixed values into an _info metric\\.");
        kind("label-empty", Q + " has an empty label name: give every label a snake_case name\\.");
        kind("label-dunder", "Label name " + Q + " of " + Q + " starts with \"__\", which is reserved for"
                + " Prometheus internals: drop the leading underscores\\.");
        kind("label-reserved", "Label name \"([^\"]*)\" of " + Q + " is reserved for histogram buckets and summary"
                + " quantiles: choose another name\\.");
        kind("label-twice", "Label name " + Q + " of " + Q + " is given twice: give each label once\\.");
        kind("help-missing", Q + " has no help text: add \\.help\\(\"what it measures, in one sentence\"\\)\\.");
        kind("label-set-varies", Q + " is already registered as an? [a-z ]+ with label names \\[[^\\]]*\\]; it"
                + " cannot also be an? [a-z ]+ with label names \\[[^\\]]*\\]\\. One name has one type and one set"
                + " of label names: reuse the existing metric or choose another name\\.");
        kind("registry-clash", Q + " clashes with a metric already in the registry \\(simpleclient says: .*?\\):"
                + " choose another name\\.");
    }

    private static void kind(String name, String regex) {
        KINDS.put(name, Pattern.compile(regex));
    }

    private RefusalKinds() {
    }

    /** The rule names {@link #of} can return, without their words. */
    static List<String> known() {
        return List.copyOf(KINDS.keySet());
    }

    /**
     * The kinds of every finding in {@code message}, in message order. Kinds are tried in declaration order on
     * what earlier ones left unexplained, so a more specific kind (a namespace) wins over a general one.
     */
    static List<String> of(String message) {
        Map<Integer, String> byPosition = new TreeMap<>();
        StringBuilder rest = new StringBuilder(message);
        for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
            Matcher m = kind.getValue().matcher(rest.toString());   // what earlier kinds did not explain
            while (m.find()) {
                String word = m.groupCount() > 0 && m.group(1) != null ? "(" + m.group(1) + ")" : "";
                byPosition.put(m.start(), kind.getKey() + word);
                for (int i = m.start(); i < m.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        List<String> kinds = new ArrayList<>(byPosition.values());
        String unexplained = rest.toString().trim().replaceAll(" {2,}", " … ");
        if (!unexplained.isEmpty()) {
            kinds.add(UNKNOWN + ": " + unexplained);
        }
        return kinds;
    }
}
