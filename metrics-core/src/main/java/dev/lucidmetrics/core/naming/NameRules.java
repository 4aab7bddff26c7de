package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.model.MetricType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The rules of a metric name (or a namespace), one method each. A rule that is broken gives an {@link Issue}: the
 * finding, the fix in words, and the rule's own repair of the name. {@link #suggest} applies repairs until no rule
 * is broken, so the one name every finding suggests passes all of them, not just its own; {@link #findings} renders
 * every finding with that suggestion.
 */
final class NameRules {

    static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** The repair of a rule whose fix is not a new name (a gauge ending "_info" belongs to the info factory). */
    private static final UnaryOperator<String> KEEP_NAME = name -> name;

    /**
     * One broken rule: {@code text} up to the fix, {@code fix} the fix in words given the quoted suggestion (or
     * null when there is none), and {@code repair} the name with this rule mended (null: it cannot be mended).
     */
    record Issue(String text, Function<String, String> fix, UnaryOperator<String> repair) {
        String render(String suggestion) {
            return text + fix.apply(suggestion == null ? null : quote(suggestion));
        }
    }

    private NameRules() {
    }

    /** Every finding for {@code name}, each suggesting the one name that breaks none of the rules (if any). */
    static List<String> findings(String name, MetricType type, int keep) {
        String suggestion = suggest(name, type, keep);
        List<String> findings = new ArrayList<>();
        for (Issue issue : of(name, type, keep)) {
            findings.add(issue.render(suggestion));
        }
        return findings;
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

    /**
     * Every broken rule of {@code name}; its first {@code keep} words are the namespace, which the repairs leave
     * alone. A namespace itself is checked with {@code type} null: the rules of words, not of suffixes.
     */
    static List<Issue> of(String name, MetricType type, int keep) {
        List<Issue> issues = new ArrayList<>();
        if (type != null) {
            colon(name, issues);
        }
        if (!snakeCase(name, type, issues)) {
            String snake = toSnakeCase(name);
            if (SNAKE_CASE.matcher(snake).matches() && !snake.equals(name)) {
                issues.addAll(of(snake, type, keep));   // what the snake_case spelling still breaks
            }
            return issues;
        }
        String[] words = name.split("_");
        if (type != null) {
            counterEndsInTotal(name, type, issues);
            onlyCountersEndInTotal(name, type, words, keep, issues);
            infoEndsInInfo(name, type, issues);
            noDerivedSuffix(name, type, words, keep, issues);
            infoSuffixOnlyForInfo(name, type, words, issues);
        }
        int unitAt = type == null || name.endsWith("_info") ? -1 : unitPosition(words, keep);
        for (int i = 0; i < words.length; i++) {
            noTypeWord(name, type, words, i, keep, issues);
            units(name, type, words, i, unitAt, keep, issues);
        }
        return issues;
    }

    /** The name with every rule mended, or null when a rule cannot be mended or nothing was broken. */
    static String suggest(String name, MetricType type, int keep) {
        String current = name;
        for (int pass = 0; pass < 16 && current != null; pass++) {
            Issue first = of(current, type, keep).stream().filter(i -> i.repair() != KEEP_NAME).findFirst()
                    .orElse(null);
            if (first == null) {
                return current.equals(name) ? null : current;
            }
            current = first.repair() == null ? null : first.repair().apply(current);
        }
        return null;
    }

    private static void colon(String name, List<Issue> issues) {
        if (name.contains(":")) {
            issues.add(new Issue(quote(name) + " contains ':', which is reserved for recording rules: ",
                    s -> s == null ? "use '_' instead." : "use '_' instead, as in " + s + ".",
                    n -> n.replace(':', '_')));
        }
    }

    private static boolean snakeCase(String name, MetricType type, List<Issue> issues) {
        if (SNAKE_CASE.matcher(name).matches()) {
            return true;
        }
        issues.add(new Issue(who(name, type) + " is not snake_case (lower-case letters, digits and single"
                + " underscores, starting with a letter): ", s -> s == null ? "rename it in lower case, with single"
                + " underscores between words." : "rename it to " + s + ".", NameRules::toSnakeCase));
        return false;
    }

    private static void counterEndsInTotal(String name, MetricType type, List<Issue> issues) {
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            issues.add(new Issue("Counter " + quote(name) + " must end in \"_total\": ",
                    s -> s == null ? "add the suffix." : "rename it to " + s + ".", n -> n + "_total"));
        }
    }

    private static void onlyCountersEndInTotal(String name, MetricType type, String[] words, int keep,
            List<Issue> issues) {
        if (type != MetricType.COUNTER && type != MetricType.UNKNOWN && name.endsWith("_total")) {
            issues.add(new Issue(type.displayName() + " " + quote(name) + " must not end in \"_total\","
                    + " which marks counters: ", s -> s == null ? "drop the suffix or make it a counter."
                    : "drop the suffix (" + s + ") or make it a counter.", dropWord(words, words.length - 1, keep)));
        }
    }

    private static void infoEndsInInfo(String name, MetricType type, List<Issue> issues) {
        if (type == MetricType.INFO && !name.endsWith("_info")) {
            issues.add(new Issue("Info metric " + quote(name) + " must end in \"_info\": ",
                    s -> s == null ? "add the suffix." : "rename it to " + s + ".", n -> n + "_info"));
        }
    }

    /** promtool's rule: "_bucket" is a histogram's, "_count" and "_sum" a histogram's or a summary's. */
    private static void noDerivedSuffix(String name, MetricType type, String[] words, int keep, List<Issue> issues) {
        String last = words[words.length - 1];
        boolean histogramOrSummary = type == MetricType.HISTOGRAM || type == MetricType.SUMMARY;
        boolean derived = "bucket".equals(last) && type != MetricType.HISTOGRAM
                || ("count".equals(last) || "sum".equals(last)) && !histogramOrSummary;
        if (derived && type != MetricType.UNKNOWN) {
            issues.add(new Issue(quote(name) + " ends in the reserved suffix \"_" + last + "\", which"
                    + " histograms and summaries derive for their own series: ", s -> s == null ? "choose another last"
                    + " word." : "drop it (" + s + ") or choose another last word.",
                    dropWord(words, words.length - 1, keep)));
        }
    }

    /** Strict: "_info" promises an info metric, whose value is 1 and whose labels are facts. */
    private static void infoSuffixOnlyForInfo(String name, MetricType type, String[] words, List<Issue> issues) {
        if ("info".equals(words[words.length - 1]) && type != MetricType.INFO && type != MetricType.UNKNOWN) {
            issues.add(new Issue(quote(name) + " ends in the reserved suffix \"_info\", which marks info"
                    + " metrics: ", s -> "register it with the info metric factory, app.info(...), or choose another"
                    + " last word.", KEEP_NAME));
        }
    }

    /** promtool 2.42 flags every type word after the first word, whatever the metric's own type. */
    private static void noTypeWord(String name, MetricType type, String[] words, int i, int keep,
            List<Issue> issues) {
        if (i > 0 && ReservedWords.TYPE_WORDS.contains(words[i])) {
            String where = type == null ? " in every name of the app" : "";
            issues.add(new Issue(who(name, type) + " names a metric type (\"" + words[i] + "\")" + where + ", which"
                    + " the exposition already gives: ", s -> s == null ? "describe what is measured instead."
                    : "drop the word, as in " + s + ", or describe what is measured instead.",
                    dropWord(words, i, keep)));
        }
    }

    private static void units(String name, MetricType type, String[] words, int i, int unitAt, int keep,
            List<Issue> issues) {
        UnitWords.Flagged flagged = UnitWords.promtool(words[i], i);
        String strictBase = i == unitAt && flagged == null ? UnitWords.strictBase(words[i]) : null;
        if (flagged != null && i == unitAt || strictBase != null) {
            String base = strictBase != null ? strictBase : flagged.base();
            String[] fixed = words.clone();
            fixed[i] = base;
            String converted = String.join("_", fixed);
            issues.add(new Issue(quote(name) + " uses the unit \"" + words[i] + "\": ",
                    s -> "use the base unit \"" + base + "\" and convert the value"
                            + (s == null ? "." : " (for example " + s + ")."),
                    i < keep ? null : n -> converted));
        } else if (flagged != null) {
            String reads = flagged.abbreviation() ? "an abbreviated unit (" + flagged.meaning() + ")"
                    : "a non-base unit";
            String where = type == null ? " in every name of the app: " : ", but units go at the end of a name: ";
            String ifUnit = type == null ? "" : "; if it is one, end the name in the base unit \"" + flagged.base()
                    + "\" and convert the value";
            issues.add(new Issue(who(name, type) + " has the word \"" + words[i] + "\", which promtool reads as "
                    + reads + where, s -> type == null
                    ? "spell it another way" + (s == null ? "." : ", as in " + s + ".")
                    : "if it is not a unit, spell it another way" + (s == null ? "" : ", as in " + s + ",")
                    + " or move it into a label" + ifUnit + ".", join(words, i, keep)));
        }
    }

    /** "Namespace "x"" for a namespace, the quoted name otherwise. */
    private static String who(String name, MetricType type) {
        return type == null ? "Namespace " + quote(name) : quote(name);
    }

    /** Where a name's unit goes: its last word that is neither a suffix nor a type word; -1 inside the namespace. */
    private static int unitPosition(String[] words, int keep) {
        for (int i = words.length - 1; i >= keep; i--) {
            if (!ReservedWords.NOT_A_UNIT.contains(words[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The name without word {@code i}; null when that touches the namespace or leaves no word of its own. */
    private static UnaryOperator<String> dropWord(String[] words, int i, int keep) {
        List<String> rest = new ArrayList<>(Arrays.asList(words));
        rest.remove(i);
        boolean hasBody = rest.subList(Math.min(keep, rest.size()), rest.size()).stream()
                .anyMatch(w -> !ReservedWords.SUFFIX_WORDS.contains(w));
        String dropped = String.join("_", rest);
        return i < keep || !hasBody ? null : n -> dropped;
    }

    /**
     * Word {@code i} glued to a neighbour so promtool no longer reads a unit ("plan_b" to "planb",
     * "requests_us_east" to "requests_useast"): a one-letter word to the word before it (it qualifies that word),
     * a longer one to the word after it, else before it; never to a namespace word, a suffix or a type word.
     * Null when no neighbour qualifies.
     */
    private static UnaryOperator<String> join(String[] words, int i, int keep) {
        boolean before = i - 1 >= keep && !ReservedWords.NOT_A_UNIT.contains(words[i - 1]);
        boolean after = words[i].length() > 1 && i + 1 < words.length && !ReservedWords.NOT_A_UNIT.contains(words[i + 1]);
        if (i < keep || !before && !after) {
            return null;
        }
        int first = after ? i : i - 1;
        List<String> joined = new ArrayList<>(Arrays.asList(words));
        joined.set(first, words[first] + words[first + 1]);
        joined.remove(first + 1);
        String result = String.join("_", joined);
        return n -> result;
    }
}
