package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.internal.CardinalityGuard;
import java.util.List;

/**
 * Turns a request into a bounded {@code route} label value: the matching declared template, or the context path
 * when no template is declared; a sentinel when no template matches; {@value CardinalityGuard#OVERFLOW} once the
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
        String[] segments = RouteTemplate.split(path);
        for (RouteTemplate t : templates) {
            if (t.matches(segments)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The label value for a finished request of {@code exchange}: the template a router set as
     * {@link HttpServerMetrics#ROUTE_ATTRIBUTE}, else what {@link #match} finds for its path. Read when the request is
     * recorded, after the router has run: a router sets the attribute before it calls the handler.
     */
    String label(HttpExchange exchange, int status) {
        Object routed = exchange.getAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE);
        if (routed instanceof String template && !template.isEmpty()) {
            return guard.admit(template) ? template : CardinalityGuard.OVERFLOW;
        }
        return label(match(exchange.getRequestURI().getPath()), exchange.getHttpContext().getPath(), status);
    }

    /**
     * The label value for a finished request.
     *
     * @param matched     what {@link #match} returned for the request's path
     * @param contextPath the path of the {@code HttpContext} that served it
     * @param status      the status counted for it (404 picks {@link HttpServerMetrics#NOT_FOUND})
     */
    String label(RouteTemplate matched, String contextPath, int status) {
        String candidate;
        if (matched != null) {
            candidate = matched.text();
        } else if (templates.isEmpty()) {
            candidate = contextPath;
        } else {
            return status == 404 ? HttpServerMetrics.NOT_FOUND : HttpServerMetrics.UNMATCHED;
        }
        return guard.admit(candidate) ? candidate : CardinalityGuard.OVERFLOW;
    }
}
