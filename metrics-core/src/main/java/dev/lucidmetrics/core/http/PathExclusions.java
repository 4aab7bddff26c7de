package dev.lucidmetrics.core.http;

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
        boolean ok = pattern != null && pattern.startsWith("/") && !pattern.contains("?")
                && (pattern.indexOf('*') < 0 || (pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1));
        if (!ok) {
            throw new IllegalArgumentException("Excluded path \"" + pattern + "\" is invalid: use an exact path such as"
                    + " \"/favicon.ico\" or a prefix ending in \"/*\" such as \"/static/*\".");
        }
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
