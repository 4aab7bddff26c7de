package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.internal.PathRule;
import java.util.regex.Pattern;

/**
 * One declared route template such as {@code /images/{id}}: literal segments and whole-segment variables. The label
 * value is the template exactly as declared; matching ignores one trailing slash on both sides.
 */
final class RouteTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");

    private final String text;
    private final String[] segments;
    private final boolean[] variable;

    private RouteTemplate(String text, String[] segments, boolean[] variable) {
        this.text = text;
        this.segments = segments;
        this.variable = variable;
    }

    /** Parses and checks a template; the message quotes the template and says how to fix it. */
    static RouteTemplate parse(String template) {
        PathRule.check("Route template", template);
        if (template.contains("*")) {
            throw invalid(template, "it must not contain a wildcard '*'");
        }
        String[] segments = split(template);
        boolean[] variable = new boolean[segments.length];
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            variable[i] = VARIABLE.matcher(s).matches();
            if (!variable[i] && (s.contains("{") || s.contains("}"))) {
                throw invalid(template, "segment \"" + s + "\" must be either literal text or one whole variable"
                        + " such as {id}");
            }
        }
        return new RouteTemplate(template, segments, variable);
    }

    private static IllegalArgumentException invalid(String template, String rule) {
        return new IllegalArgumentException("Route template \"" + template + "\" is invalid: " + rule
                + ". Declare templates like \"/images/{id}\" or \"/users/{user}/albums/{album}\".");
    }

    /** Splits a path after dropping one trailing slash (except for "/"): "/a/b/" and "/a/b" give "", "a", "b". */
    static String[] split(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.split("/", -1);
    }

    /** True when every literal segment equals the path's and every variable has a non-empty segment. */
    boolean matches(String[] path) {
        if (path.length != segments.length) {
            return false;
        }
        for (int i = 1; i < segments.length; i++) {
            if (variable[i] ? path[i].isEmpty() : !segments[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** The template with variable names blanked, so "/a/{x}" and "/a/{y}/" are recognised as the same route. */
    String shape() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            b.append('/').append(variable[i] ? "{}" : segments[i]);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    /**
     * The order of specificity, most specific first, the same whatever the declaration order. Segments are compared
     * from the left; at the first segment where the templates differ, a literal comes before a variable and two
     * literals in {@link String#compareTo} order; when every shared segment is the same, the template with fewer
     * segments comes first. It is the lexicographic order of the segment sequences over a total order of segments
     * (every literal before the variable), so it is total on templates of different shapes, and {@link Routes}
     * refuses two templates of one shape. Two templates that match one path have the same length and the same
     * literals where both have one, so they first differ where one has a literal and the other a variable: the one
     * with the literal wins, as docs/http.md says.
     */
    static int bySpecificity(RouteTemplate a, RouteTemplate b) {
        int n = Math.min(a.segments.length, b.segments.length);
        for (int i = 1; i < n; i++) {
            if (a.variable[i] != b.variable[i]) {
                return a.variable[i] ? 1 : -1;
            }
            if (!a.variable[i] && !a.segments[i].equals(b.segments[i])) {
                return a.segments[i].compareTo(b.segments[i]);
            }
        }
        return Integer.compare(a.segments.length, b.segments.length);
    }

    /** The label value: the template as declared. */
    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
