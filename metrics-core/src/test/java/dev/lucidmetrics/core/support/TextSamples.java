package dev.lucidmetrics.core.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text format 0.0.4 as Prometheus ingests it, whatever client wrote it: each sample line with its labels sorted
 * by name and no trailing comma, its value as a Java double ({@code 1} and {@code 1.0} alike); comment lines as they
 * are. simpleclient writes {@code x{b="1",a="2",} 1.0} where client_java writes {@code x{a="2",b="1"} 1}: the kit
 * compares what both mean, and {@code MetricApiGoldenTest} alone pins each writer's exact bytes. Malformed lines are
 * an error naming the line, never skipped.
 */
public final class TextSamples {

    private TextSamples() {
    }

    /** Every line of {@code text} in the canonical form. */
    public static String canonical(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.isEmpty() || line.startsWith("#") ? line : sample(line)).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** The canonical lines of {@code text} that start with {@code prefix} (compared in canonical form too). */
    public static List<String> lines(String text, String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : canonical(text).split("\n")) {
            if (line.startsWith(prefix)) {
                found.add(line);
            }
        }
        return found;
    }

    /** Whether {@code text} holds {@code fragment} (whole sample lines, or comment lines) in canonical form. */
    public static boolean contains(String text, String fragment) {
        return canonical(text).contains(canonical(fragment));
    }

    private static String sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            if (space < 0) {
                return line;   // a bare name: a fragment of a line, kept as it is
            }
            return line.substring(0, space) + " " + value(line, line.substring(space + 1));
        }
        Map<String, String> labels = new TreeMap<>();
        int i = brace + 1;
        while (i < line.length() && line.charAt(i) != '}') {
            int eq = line.indexOf("=\"", i);
            if (eq < 0) {
                throw new IllegalArgumentException("no label value in: " + line);
            }
            String name = line.substring(i, eq);
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            for (; j < line.length() && line.charAt(j) != '"'; j++) {
                v.append(line.charAt(j));
                if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                    v.append(line.charAt(++j));
                }
            }
            if (j >= line.length()) {
                throw new IllegalArgumentException("unterminated label value in: " + line);
            }
            labels.put(name, v.toString());
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        if (i >= line.length()) {
            return line.substring(0, brace) + render(labels, false);   // a fragment that ends inside the braces
        }
        String rest = line.substring(i + 1);
        return line.substring(0, brace) + render(labels, true) + (rest.isBlank() ? rest
                : " " + value(line, rest.strip()));
    }

    private static String render(Map<String, String> labels, boolean closed) {
        StringBuilder s = new StringBuilder("{");
        labels.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(k).append("=\"").append(v).append('"'));
        return closed ? s.append('}').toString() : s.toString();
    }

    /** The value (and timestamp, if any) of a sample line; a fragment may end before the value. */
    private static String value(String line, String rest) {
        String[] parts = rest.split(" ", 2);
        String v;
        switch (parts[0]) {
            case "+Inf", "-Inf", "NaN" -> v = parts[0];
            case "" -> v = "";
            default -> {
                try {
                    v = Double.toString(Double.parseDouble(parts[0]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a sample value in: " + line, e);
                }
            }
        }
        return parts.length == 1 ? v : v + " " + parts[1];
    }
}
