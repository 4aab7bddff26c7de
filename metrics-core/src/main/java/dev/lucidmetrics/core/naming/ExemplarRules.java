package dev.lucidmetrics.core.naming;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an exemplar's labels (OpenMetrics 1.0): name/value pairs, each name a Prometheus label name given
 * once, no value null, and at most 128 characters (code points) in all names and values together.
 */
final class ExemplarRules {

    static final int MAX_CHARACTERS = 128;
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private ExemplarRules() {
    }

    /** The one finding for {@code labels} of {@code metric}'s exemplar, or none when they follow the rules. */
    static List<String> findings(String metric, String[] labels) {
        if (labels == null || labels.length == 0) {
            return List.of("Exemplar of " + NameRules.quote(metric) + " has no labels: pass name/value pairs such as"
                    + " \"trace_id\", \"4bf92f3577b34da6a3ce929d0e0e4736\".");
        }
        String problem = problem(labels);
        if (problem == null) {
            return List.of();
        }
        return List.of("Exemplar labels " + Arrays.toString(labels) + " of " + NameRules.quote(metric) + " are illegal ("
                + problem + "): pass name/value pairs such as \"trace_id\", \"4bf92f3577b34da6a3ce929d0e0e4736\", at"
                + " most " + MAX_CHARACTERS + " characters in all.");
    }

    private static String problem(String[] labels) {
        if (labels.length % 2 != 0) {
            return labels.length + " strings are no name/value pairs";
        }
        Set<String> names = new HashSet<>();
        int characters = 0;
        for (int i = 0; i < labels.length; i += 2) {
            String name = labels[i];
            String value = labels[i + 1];
            if (name == null || !LABEL_NAME.matcher(name).matches()) {
                return NameRules.quote(name) + " is not a label name";
            }
            if (!names.add(name)) {
                return "the label " + NameRules.quote(name) + " is given twice";
            }
            if (value == null) {
                return "the label " + NameRules.quote(name) + " has a null value";
            }
            characters += name.codePointCount(0, name.length()) + value.codePointCount(0, value.length());
        }
        if (characters > MAX_CHARACTERS) {
            return "the combined length of the label names and values must not exceed " + MAX_CHARACTERS
                    + " UTF-8 characters; these have " + characters;
        }
        return null;
    }
}
