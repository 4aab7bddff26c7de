package dev.lucidmetrics.core.naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric families of one exposition in the text format 0.0.4: name, type and help from the {@code # TYPE} and
 * {@code # HELP} lines, label names from the samples. Written for the naming corpus, independent of simpleclient
 * and of the library under test; malformed input is an error naming the line, never skipped.
 */
final class TextExposition {

    /** One family; {@code type} is {@code untyped} when the exposition gives none. */
    record Family(String name, String type, String help, List<List<String>> labelSets) {
    }

    private static final class Builder {
        final String name;
        String type = "untyped";
        String help;
        final Set<List<String>> labelSets = new LinkedHashSet<>();

        Builder(String name) {
            this.name = name;
        }

        /** Whether a sample of this name belongs to this family, given its type's derived series. */
        boolean owns(String sample) {
            if (sample.equals(name)) {
                return true;
            }
            List<String> suffixes = switch (type) {
                case "histogram" -> List.of("_bucket", "_sum", "_count", "_created");
                case "summary" -> List.of("_sum", "_count", "_created");
                case "counter" -> List.of("_created");
                default -> List.of();
            };
            return suffixes.stream().anyMatch(s -> sample.equals(name + s));
        }
    }

    private TextExposition() {
    }

    static List<Family> parse(String text) {
        Map<String, Builder> families = new LinkedHashMap<>();
        Builder current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            try {
                if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                    String rest = line.substring("# HELP ".length());
                    int space = rest.indexOf(' ');
                    String name = space < 0 ? rest : rest.substring(0, space);
                    String value = space < 0 ? "" : rest.substring(space + 1);
                    current = families.computeIfAbsent(name, Builder::new);
                    if (line.startsWith("# HELP ")) {
                        current.help = unescape(value);
                    } else {
                        current.type = value;
                    }
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int end = nameEnd(line);
                    String sample = line.substring(0, end);
                    List<String> labels = end < line.length() && line.charAt(end) == '{'
                            ? labelNames(line, end) : List.of();
                    Builder family = current != null && current.owns(sample) ? current
                            : families.computeIfAbsent(sample, Builder::new);
                    family.labelSets.add(withoutDerivedLabel(family, sample, labels));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not text format 0.0.4 (" + e.getMessage()
                        + "): " + line, e);
            }
        }
        List<Family> result = new ArrayList<>();
        for (Builder b : families.values()) {
            result.add(new Family(b.name, b.type, b.help, List.copyOf(b.labelSets)));
        }
        return result;
    }

    /** {@code le} of histogram buckets and {@code quantile} of summary quantiles are the format's, not the family's. */
    private static List<String> withoutDerivedLabel(Builder family, String sample, List<String> labels) {
        List<String> own = new ArrayList<>(labels);
        if ("histogram".equals(family.type) && sample.equals(family.name + "_bucket")) {
            own.remove("le");
        } else if ("summary".equals(family.type) && sample.equals(family.name)) {
            own.remove("quantile");
        }
        return List.copyOf(own);
    }

    private static int nameEnd(String line) {
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no metric name");
        }
        return i;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    /** The label names of {@code {a="x",b="y\"z"}} starting at {@code open}; values may hold escaped quotes. */
    private static List<String> labelNames(String line, int open) {
        List<String> names = new ArrayList<>();
        int i = open + 1;
        while (true) {
            i = skipSpaces(line, i);
            if (line.charAt(i) == '}') {
                return names;
            }
            int start = i;
            while (line.charAt(i) != '=' && line.charAt(i) != ' ') {
                i++;
            }
            names.add(line.substring(start, i));
            i = skipSpaces(line, i);
            expect(line, i++, '=');
            i = skipSpaces(line, i);
            expect(line, i++, '"');
            while (line.charAt(i) != '"') {
                i += line.charAt(i) == '\\' ? 2 : 1;
            }
            i = skipSpaces(line, i + 1);
            if (line.charAt(i) == ',') {
                i++;
            } else {
                expect(line, i, '}');
            }
        }
    }

    private static int skipSpaces(String line, int i) {
        while (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
            i++;
        }
        return i;
    }

    private static void expect(String line, int i, char c) {
        if (line.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at column " + (i + 1));
        }
    }

    private static String unescape(String help) {
        StringBuilder s = new StringBuilder(help.length());
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            if (c == '\\' && i + 1 < help.length()) {
                char next = help.charAt(++i);
                s.append(next == 'n' ? '\n' : next);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
