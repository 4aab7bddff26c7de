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
 * hold several findings, each becomes one kind such as {@code unit(ms)} or {@code reserved-suffix(count)}. Text
 * no pattern explains becomes the kind {@code unknown: <text>}, so a new rule or a reworded message cannot pass
 * unnoticed. The patterns follow the library's messages word for word; change them together.
 */
final class RefusalKinds {

    static final String UNKNOWN = "unknown";

    /**
     * A name the API's rules allow and the backend's client cannot expose (client_java 1.x and {@code _created}):
     * not a naming rule of the library, so the corpus counts leave it out (docs/backends.md lists it).
     */
    static final String BACKEND_RESERVED = "backend-reserved";

    private static final String Q = "\"[^\"]*\"";
    /** A suggested name: the one the finding tells the user to use instead. */
    private static final String FIX = "\"(?<fix>[^\"]*)\"";
    /** The word a rule fired on, which becomes part of the kind: {@code unit(ms)}. */
    private static final String WORD = "\"(?<word>[a-z0-9]+)\"";
    private static final String READS = "(?:an abbreviated unit \\([a-z ]+\\)|a non-base unit)";
    private static final String SNAKE = " is not snake_case \\(lower-case letters, digits and single underscores,"
            + " starting with a letter\\): rename it (?:to " + FIX + "|in lower case, with single underscores between"
            + " words)\\.";
    /** Kind name to the pattern of its finding. */
    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        kind("namespace", "Namespace " + Q + SNAKE);
        kind("namespace-unit-word", "Namespace " + Q + " has the word " + WORD + ", which promtool reads as " + READS
                + " in every name of the app: spell it another way(?:, as in " + FIX + ")?\\.");
        kind("namespace-type-word", "Namespace " + Q + " names a metric type \\(" + WORD + "\\) in every name of the"
                + " app, which the exposition already gives: (?:drop the word, as in " + FIX + ", or )?describe what is"
                + " measured instead\\.");
        kind("label-not-snake-case", "Label name " + Q + " of " + Q + SNAKE);
        kind("empty-name", "Metric name is empty: give the metric a snake_case name such as " + Q + "\\.");
        kind("colon", Q + " contains ':', which is reserved for recording rules: use '_' instead(?:, as in " + FIX
                + ")?\\.");
        kind("not-snake-case", Q + SNAKE);
        kind("counter-without-total", "Counter " + Q + " must end in \"_total\": (?:rename it to " + FIX + "|add the"
                + " suffix)\\.");
        kind("total-on-non-counter", "(?:Gauge|Histogram|Summary|Info metric) " + Q + " must not end in \"_total\","
                + " which marks counters: drop the suffix(?: \\(" + FIX + "\\))? or make it a counter\\.");
        kind("info-without-info", "Info metric " + Q + " must end in \"_info\": (?:rename it to " + FIX + "|add the"
                + " suffix)\\.");
        kind("reserved-suffix", Q + " ends in the reserved suffix \"_(?<word>bucket|count|sum)\", which histograms and"
                + " summaries derive for their own series: (?:drop it \\(" + FIX + "\\) or )?choose another last"
                + " word\\.");
        kind("info-suffix", Q + " ends in the reserved suffix \"_info\", which marks info metrics: register"
                + " it with the info metric factory, app\\.info\\(\\.\\.\\.\\), or choose another last word\\.");
        kind("type-word", Q + " names a metric type \\(" + WORD + "\\), which the exposition already gives: (?:drop"
                + " the word, as in " + FIX + ", or )?describe what is measured instead\\.");
        kind("unit", Q + " uses the unit " + WORD + ": use the base unit \"[a-z]+\" and convert the value"
                + "(?: \\(for example " + FIX + "\\))?\\.");
        kind("unit-word", Q + " has the word " + WORD + ", which promtool reads as " + READS + ", but units go at the"
                + " end of a name: if it is not a unit, spell it another way(?:, as in " + FIX + ",)? or move it into a"
                + " label; if it is one, end the name in the base unit \"[a-z]+\" and convert the value\\.");
        kind("too-many-labels", Q + " has \\d+ label names \\[[^\\]]*\\]; at most \\d+ are allowed: split the"
                + " metric or move fixed values into an _info metric\\.");
        kind("label-empty", Q + " has an empty label name: give every label a snake_case name\\.");
        kind("label-dunder", "Label name " + Q + " of " + Q + " starts with \"__\", which is reserved for"
                + " Prometheus internals: drop the leading underscores\\.");
        kind("label-reserved", "Label name \"(?<word>[^\"]*)\" of " + Q + " is reserved for histogram buckets and"
                + " summary quantiles: choose another name\\.");
        kind("label-twice", "Label name " + Q + " of " + Q + " is given twice: give each label once\\.");
        kind("help-missing", Q + " has no help text: add \\.help\\(\"what it measures, in one sentence\"\\)\\.");
        kind("label-set-varies", Q + " is already registered as an? [a-z ]+ with label names \\[[^\\]]*\\]; it"
                + " cannot also be an? [a-z ]+ with label names \\[[^\\]]*\\]\\. One name has one type and one set"
                + " of label names: reuse the existing metric or choose another name\\.");
        kind("registry-clash", Q + " clashes with a metric already in the registry \\([a-z_]+ says: .*?\\):"
                + " choose another name\\.");
        kind(BACKEND_RESERVED, Q + " ends in \"_(?<word>[a-z]+)\"(?: before \"_[a-z]+\")?, which the [a-z_]+ backend cannot expose: .*?\\."
                + " Choose another last word, or run on the [a-z_]+ backend \\([a-z.:-]+\\)\\.");
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

    /** One finding of a message: its kind and the name it suggests, if any. */
    record Finding(String kind, String suggestion) {
    }

    /**
     * The kinds of every finding in {@code message}, in message order. Kinds are tried in declaration order on
     * what earlier ones left unexplained, so a more specific kind (a namespace) wins over a general one.
     */
    static List<String> of(String message) {
        return findings(message).stream().map(Finding::kind).toList();
    }

    /** The names {@code message} suggests, each with the kind of its finding, in message order. */
    static List<Finding> suggestions(String message) {
        return findings(message).stream().filter(f -> f.suggestion() != null).toList();
    }

    private static List<Finding> findings(String message) {
        Map<Integer, Finding> byPosition = new TreeMap<>();
        StringBuilder rest = new StringBuilder(message);
        for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
            Matcher m = kind.getValue().matcher(rest.toString());   // what earlier kinds did not explain
            String regex = kind.getValue().pattern();
            while (m.find()) {
                String word = regex.contains("(?<word>") ? "(" + m.group("word") + ")" : "";
                String fix = regex.contains("(?<fix>") ? m.group("fix") : null;
                byPosition.put(m.start(), new Finding(kind.getKey() + word, fix));
                for (int i = m.start(); i < m.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        List<Finding> findings = new ArrayList<>(byPosition.values());
        String unexplained = rest.toString().trim().replaceAll(" {2,}", " … ");
        if (!unexplained.isEmpty()) {
            findings.add(new Finding(UNKNOWN + ": " + unexplained, null));
        }
        return findings;
    }
}
