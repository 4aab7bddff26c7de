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

    /**
     * True when the path starts with '/' (its first segment is empty, as the template's), every literal segment
     * equals the path's and every variable has a non-empty segment.
     */
    boolean matches(String[] path) {
        if (path.length != segments.length || !path[0].isEmpty()) {
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
     * Orders more specific templates first: of two templates with the same number of segments, the one with a
     * literal where the other has a variable (first difference from the left) wins, so "/images/new" beats
     * "/images/{id}" whatever the declaration order.
     */
    static int bySpecificity(RouteTemplate a, RouteTemplate b) {
        int n = Math.min(a.segments.length, b.segments.length);
        for (int i = 1; i < n; i++) {
            if (a.variable[i] != b.variable[i]) {
                return a.variable[i] ? 1 : -1;
            }
        }
        return 0;
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
