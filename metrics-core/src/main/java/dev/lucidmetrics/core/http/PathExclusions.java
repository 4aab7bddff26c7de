package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.internal.PathRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Paths whose requests are not counted at all: exact paths ({@code /metrics}, matched with or without a trailing
 * slash) and prefixes written with a final {@code /*} ({@code /static/*} excludes everything below {@code /static/}).
 */
final class PathExclusions {

    /** Scrape and health paths of the demo apps and of common frameworks. */
    static final List<String> DEFAULTS = List.of("/metrics", "/actuator/prometheus", "/-/healthy", "/health");

    private final Set<String> exact = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    PathExclusions(List<String> patterns) {
        for (String p : patterns) {
            if (p.endsWith("/*")) {
                prefixes.add(p.substring(0, p.length() - 1));
            } else {
                exact.add(trimSlash(p));
            }
        }
    }

    /** Checks one pattern where the caller passes it; the message quotes it and shows the accepted forms. */
    static String check(String pattern) {
        String path = pattern != null && pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (path != null && path.indexOf('*') >= 0) {
            throw new IllegalArgumentException("Excluded path \"" + pattern + "\" is invalid: '*' may only end a prefix,"
                    + " as in \"/static/*\"; otherwise give an exact path such as \"/favicon.ico\".");
        }
        PathRule.check("Excluded path", path);
        return pattern;
    }

    boolean excludes(String path) {
        if (path == null) {
            return false;
        }
        if (exact.contains(trimSlash(path))) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
