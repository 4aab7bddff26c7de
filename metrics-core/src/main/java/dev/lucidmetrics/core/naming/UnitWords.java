package dev.lucidmetrics.core.naming;

import java.util.List;
import java.util.Map;

/**
 * The words of a metric name that read as units. Two vocabularies: promtool's, copied from Prometheus' linter
 * (promlint in client_golang 1.14, the one in promtool 2.42, and unchanged since), and the library's own strict
 * additions, which docs/naming.md lists with their reasons.
 */
final class UnitWords {

    /** promlint's units, each mapped to its base unit ({@code units} in promlint). */
    private static final Map<String, String> PROMTOOL_UNITS = Map.ofEntries(
            Map.entry("amperes", "amperes"), Map.entry("bytes", "bytes"), Map.entry("celsius", "celsius"),
            Map.entry("grams", "grams"), Map.entry("joules", "joules"), Map.entry("kelvin", "kelvin"),
            Map.entry("meters", "meters"), Map.entry("metres", "metres"), Map.entry("seconds", "seconds"),
            Map.entry("volts", "volts"), Map.entry("minutes", "seconds"), Map.entry("hours", "seconds"),
            Map.entry("days", "seconds"), Map.entry("weeks", "seconds"), Map.entry("kelvins", "kelvin"),
            Map.entry("fahrenheit", "celsius"), Map.entry("rankine", "celsius"), Map.entry("inches", "meters"),
            Map.entry("yards", "meters"), Map.entry("miles", "meters"), Map.entry("bits", "bytes"),
            Map.entry("calories", "joules"), Map.entry("pounds", "grams"), Map.entry("ounces", "grams"));

    /** promlint's prefixes; "mibi" (not "mebi") is promlint's own spelling. */
    private static final List<String> PROMTOOL_PREFIXES = List.of("pico", "nano", "micro", "milli", "centi", "deci",
            "deca", "hecto", "kilo", "kibi", "mega", "mibi", "giga", "gibi", "tera", "tebi", "peta", "pebi");

    /** promlint's abbreviations, each with the unit it stands for and that unit's base (promtool names neither). */
    private static final Map<String, String[]> PROMTOOL_ABBREVIATIONS = Map.ofEntries(
            abbreviation("s", "seconds", "seconds"), abbreviation("ms", "milliseconds", "seconds"),
            abbreviation("us", "microseconds", "seconds"), abbreviation("ns", "nanoseconds", "seconds"),
            abbreviation("sec", "seconds", "seconds"), abbreviation("b", "bytes", "bytes"),
            abbreviation("kb", "kilobytes", "bytes"), abbreviation("mb", "megabytes", "bytes"),
            abbreviation("gb", "gigabytes", "bytes"), abbreviation("tb", "terabytes", "bytes"),
            abbreviation("pb", "petabytes", "bytes"), abbreviation("m", "meters", "meters"),
            abbreviation("h", "hours", "seconds"), abbreviation("d", "days", "seconds"));

    /** Strict: abbreviations promtool lets through, refused as the unit of a name. */
    private static final Map<String, String> STRICT_UNITS = Map.of("millis", "seconds", "micros", "seconds",
            "nanos", "seconds", "percent", "ratio");

    /** Strict: prefixes promlint's list misses ("mebi", by its typo), refused glued to a promtool unit. */
    private static final List<String> STRICT_PREFIXES = List.of("mebi", "exa", "exbi");

    private UnitWords() {
    }

    /**
     * A word promtool reads as a unit it flags: an abbreviation, or a unit (perhaps prefixed) that is not its own
     * base unit. {@code abbreviation} says which of promtool's two checks fires.
     */
    record Flagged(String word, String base, boolean abbreviation, String meaning) {
    }

    /**
     * What promtool flags about {@code word} at position {@code index} of a name, or null. Abbreviations count
     * from the second word on (promtool looks for "_ms_" and a final "_ms"); units anywhere.
     */
    static Flagged promtool(String word, int index) {
        String[] abbreviated = PROMTOOL_ABBREVIATIONS.get(word);
        if (abbreviated != null && index > 0) {
            return new Flagged(word, abbreviated[1], true, abbreviated[0]);
        }
        String base = PROMTOOL_UNITS.get(word);
        if (base != null) {
            return base.equals(word) ? null : new Flagged(word, base, false, word);
        }
        return prefixed(word, PROMTOOL_PREFIXES);
    }

    /** The base unit of a strict unit word ({@code millis}, {@code mebibytes}), or null. */
    static String strictBase(String word) {
        String base = STRICT_UNITS.get(word);
        if (base != null) {
            return base;
        }
        Flagged prefixed = prefixed(word, STRICT_PREFIXES);
        return prefixed == null ? null : prefixed.base();
    }

    private static Map.Entry<String, String[]> abbreviation(String word, String meaning, String base) {
        return Map.entry(word, new String[] {meaning, base});
    }

    private static Flagged prefixed(String word, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                String base = PROMTOOL_UNITS.get(word.substring(prefix.length()));
                if (base != null) {
                    return new Flagged(word, base, false, word);
                }
            }
        }
        return null;
    }
}
