package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import java.util.List;

/**
 * Turns a request into a bounded {@code route} label value: the template a framework matched, or the matching
 * declared template, or the server's fallback (the JDK context path) when no template is declared; a sentinel when no template matches; {@value CardinalityGuard#OVERFLOW} once the
 * cap of distinct values is reached. The raw path is never a label value.
 */
final class Routes {

    private final List<RouteTemplate> templates;
    private final CardinalityGuard guard;

    Routes(List<String> declared, int maxRoutes, String familyName) {
        List<RouteTemplate> parsed = RouteTemplate.parseAll(declared);
        if (parsed.size() > maxRoutes) {
            throw new IllegalArgumentException("routes(...) declares " + parsed.size() + " templates but maxRoutes("
                    + maxRoutes + ") admits only " + maxRoutes + " route values: raise maxRoutes(" + parsed.size()
                    + ") or merge templates with variables such as \"/images/{id}\".");
        }
        this.templates = parsed;
        this.guard = new CardinalityGuard("route values of \"" + familyName + "\"", maxRoutes);
    }

    /** The declared template {@code path} matches (most specific first), or null. Null without templates too. */
    RouteTemplate match(String path) {
        if (templates.isEmpty() || path == null) {
            return null;
        }
        for (RouteTemplate t : templates) {
            if (t.matches(path)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The label value for a finished request: {@code template} when a router or framework matched one, else the
     * declared template {@code path} matches, else a sentinel — or {@code fallback} when no template is declared.
     */
    String label(String template, String path, String fallback, int status) {
        if (template != null && !template.isEmpty()) {
            return guard.admit(template) ? template : CardinalityGuard.OVERFLOW;
        }
        return label(match(path), fallback, status);
    }

    /**
     * The label value for a finished request.
     *
     * @param matched  what {@link #match} returned for the request's path
     * @param fallback the label when no template is declared, such as the path of the JDK {@code HttpContext}
     * @param status   the status counted for it (404 picks {@value ServerLabels#NOT_FOUND})
     */
    String label(RouteTemplate matched, String fallback, int status) {
        String candidate;
        if (matched != null) {
            candidate = matched.text();
        } else if (templates.isEmpty() && fallback != null) {
            candidate = fallback;
        } else {
            return status == 404 ? ServerLabels.NOT_FOUND : ServerLabels.UNMATCHED;
        }
        return guard.admit(candidate) ? candidate : CardinalityGuard.OVERFLOW;
    }
}
