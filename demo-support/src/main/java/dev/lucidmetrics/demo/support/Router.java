package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes requests of one JDK {@code HttpServer} context by template ({@code /images/{id}}) and method, and tells
 * the metrics filter which template it matched ({@link HttpServerMetrics#ROUTE_ATTRIBUTE}), so each request is
 * matched once. One trailing slash is forgiven ({@code /images/42/} is {@code /images/{id}}); when several templates
 * match, the most specific wins whatever the order they were added in: a literal segment beats a variable at the
 * first segment where they differ. Unknown paths answer 404, known paths with another method 405 with an
 * {@code Allow} header, both as short JSON.
 * <pre>{@code
 * Router router = new Router().on("GET", "/image", this::image).on("GET", "/images/{id}", this::file);
 * server.createContext("/", router);   // HttpServerMetrics labels requests with the template matched
 * }</pre>
 */
public final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    /** The parameters of each exchange being handled (exchange attributes are shared by a whole context). */
    private static final Map<HttpExchange, Map<String, String>> PARAMS = new ConcurrentHashMap<>();

    private final Map<String, Map<String, HttpHandler>> routes = new LinkedHashMap<>();
    private final Map<String, String> shapes = new HashMap<>();

    /** Adds a handler for {@code method} on {@code template}; a segment in braces matches any non-empty segment. */
    public Router on(String method, String template, HttpHandler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("Route template \"" + template + "\" must start with '/'.");
        }
        String earlier = shapes.putIfAbsent(shape(template), template);
        if (earlier != null && !earlier.equals(template)) {
            throw new IllegalArgumentException("Route templates \"" + earlier + "\" and \"" + template + "\" match the"
                    + " same paths: add handlers to one of them.");
        }
        routes.computeIfAbsent(template, t -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    /** The route templates, in the order added, for {@code HttpServerMetrics.builder(app).routes(...)}. */
    public String[] templates() {
        return routes.keySet().toArray(new String[0]);
    }

    /** The value of {@code {name}} in the matched template, or null. */
    public static String param(HttpExchange exchange, String name) {
        Map<String, String> params = PARAMS.get(exchange);
        return params == null ? null : params.get(name);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = segments(exchange.getRequestURI().getPath());
            String best = null;
            for (String template : routes.keySet()) {
                if (match(segments(template), path) != null && (best == null || moreSpecific(template, best))) {
                    best = template;
                }
            }
            if (best == null) {
                Responses.error(exchange, 404, "Not found.");
                return;
            }
            exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, best);
            Map<String, HttpHandler> byMethod = routes.get(best);
            HttpHandler handler = byMethod.get(exchange.getRequestMethod());
            if (handler == null) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
                Responses.error(exchange, 405, "Method not allowed here: use "
                        + String.join(" or ", byMethod.keySet()) + ".");
                return;
            }
            PARAMS.put(exchange, match(segments(best), path));
            try {
                invoke(handler, exchange);
            } finally {
                PARAMS.remove(exchange);
            }
        }
    }

    private static void invoke(HttpHandler handler, HttpExchange exchange) throws IOException {
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            // A bug, not bad input: answer 500 rather than drop the connection, and say so once in the log.
            LOG.log(System.Logger.Level.ERROR, "Handler failed for " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
            if (exchange.getResponseCode() < 0) {
                Responses.error(exchange, 500, "Internal error.");
            }
        }
    }

    /** The segments of a path or template, one trailing slash dropped ("/a/b/" and "/a/b" are "", "a", "b"). */
    static String[] segments(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.split("/", -1);
    }

    /** The template's parameters when {@code path} matches it, else null. */
    static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (isVariable(template[i])) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(template[i].substring(1, template[i].length() - 1), path[i]);
            } else if (!template[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    /** Of two templates that match one path: true when {@code a} has a literal where they first differ. */
    static boolean moreSpecific(String a, String b) {
        String[] x = segments(a);
        String[] y = segments(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (isVariable(x[i]) != isVariable(y[i])) {
                return isVariable(y[i]);
            }
        }
        return false;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static String shape(String template) {
        StringBuilder b = new StringBuilder();
        for (String segment : segments(template)) {
            b.append(isVariable(segment) ? "{}" : segment).append('/');
        }
        return b.toString();
    }
}
