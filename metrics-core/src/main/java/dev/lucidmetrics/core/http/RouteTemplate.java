package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.internal.PathRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One route template such as {@code /images/{id}}: literal segments and whole-segment variables named like Java
 * identifiers. The syntax, the match and the order of specificity are the ones {@link HttpServerMetrics} labels
 * requests with (docs/http.md, "Routes"), so a router that matches with this class serves the template the
 * metrics count:
 * <pre>{@code
 * List<RouteTemplate> routes = RouteTemplate.parseAll(List.of("/images/{id}", "/images/new"));
 * for (RouteTemplate t : routes) {                        // most specific first
 *     Optional<Map<String, String>> params = t.match(exchange.getRequestURI().getPath());
 *     if (params.isPresent()) {
 *         exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, t.text());
 *         // "/images/42" -> {id=42} under "/images/{id}"; "/images/new" -> {} under "/images/new"
 *         break;
 *     }
 * }
 * }</pre>
 * Matching ignores one trailing slash on both sides; a variable matches one non-empty segment.
 */
public final class RouteTemplate {

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
    public static RouteTemplate parse(String template) {
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

    /**
     * Parses every template and returns them most specific first ({@link #mostSpecificFirst()}); refuses two that
     * match the same paths, such as {@code /images/{id}} and {@code /images/{name}/}, naming both.
     */
    public static List<RouteTemplate> parseAll(Collection<String> templates) {
        List<RouteTemplate> parsed = new ArrayList<>();
        Map<String, String> shapes = new HashMap<>();
        for (String text : templates) {
            RouteTemplate t = parse(text);
            String earlier = shapes.putIfAbsent(t.shape(), text);
            if (earlier != null) {
                throw new IllegalArgumentException("Route templates \"" + earlier + "\" and \"" + text + "\" match"
                        + " the same paths (a trailing slash and variable names do not tell routes apart):"
                        + " declare only one of them.");
            }
            parsed.add(t);
        }
        parsed.sort(mostSpecificFirst());
        return List.copyOf(parsed);
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
     * The values of the template's variables when {@code path} (a request's decoded path, without the query)
     * matches, such as {@code {id=42}} for {@code /images/42} under {@code /images/{id}}; empty when it does not.
     */
    public Optional<Map<String, String>> match(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (!matches(path)) {
            return Optional.empty();
        }
        String[] p = split(path);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < segments.length; i++) {
            if (variable[i]) {
                values.put(segments[i].substring(1, segments[i].length() - 1), p[i]);
            }
        }
        return Optional.of(Map.copyOf(values));
    }

    /**
     * True when {@code path} (after dropping one trailing slash, except for "/") starts with '/' (its first segment
     * is empty, as the template's), has as many segments, every literal segment equals the path's and every variable
     * has a non-empty segment. It walks the path in place: a request's path is matched against every declared
     * template, and splitting it into strings each time was the largest part of the filter's own cost.
     */
    boolean matches(String path) {
        int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
        if (end == 0 || path.charAt(0) != '/') {
            return false;
        }
        int start = 1;   // the first character of segment i
        for (int i = 1; i < segments.length; i++) {
            int slash = path.indexOf('/', start);
            int stop = slash < 0 || slash >= end ? end : slash;
            boolean lastOfPath = stop == end;
            if (lastOfPath != (i == segments.length - 1)) {
                return false;   // the path has fewer segments, or more
            }
            int length = stop - start;
            if (variable[i] ? length == 0
                    : length != segments[i].length() || !path.regionMatches(start, segments[i], 0, length)) {
                return false;
            }
            start = stop + 1;
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
     * The order of specificity, most specific first, the same whatever the declaration order: of the templates a
     * path matches, the first in this order is the one it is labelled with. Segments are compared from the left; at
     * the first segment where the templates differ, a literal comes before a variable and two literals in
     * {@link String#compareTo} order; when every shared segment is the same, the template with fewer segments comes
     * first. It is the lexicographic order of the segment sequences over a total order of segments (every literal
     * before the variable), so it is total on templates of different shapes, and {@link #parseAll} refuses two
     * templates of one shape. Two templates that match one path have the same length and the same literals where
     * both have one, so they first differ where one has a literal and the other a variable: the one with the
     * literal wins, as docs/http.md says.
     */
    public static Comparator<RouteTemplate> mostSpecificFirst() {
        return RouteTemplate::bySpecificity;
    }

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

    /** The template as declared: the {@code route} label value, and what a router sets as {@link HttpServerMetrics#ROUTE_ATTRIBUTE}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
