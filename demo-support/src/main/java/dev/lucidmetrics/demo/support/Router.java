package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Routes requests of one JDK {@code HttpServer} context by exact path or template ({@code /images/{id}}) and method.
 * Unknown paths answer 404, known paths with another method 405 with an {@code Allow} header, both as short JSON.
 * <pre>{@code
 * Router router = new Router().on("GET", "/image", this::image).on("GET", "/images/{id}", this::file);
 * server.createContext("/", router);   // HttpServerMetrics routes(router.templates()) labels by template
 * }</pre>
 */
public final class Router implements HttpHandler {

    private static final String PARAMS = Router.class.getName() + ".params";
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<String, Map<String, HttpHandler>> routes = new LinkedHashMap<>();

    /** Adds a handler for {@code method} on {@code template}; a segment in braces matches any non-empty segment. */
    public Router on(String method, String template, HttpHandler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("Route template \"" + template + "\" must start with '/'.");
        }
        routes.computeIfAbsent(template, t -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    /** The route templates, in the order added, for {@code HttpServerMetrics.builder(app).routes(...)}. */
    public String[] templates() {
        return routes.keySet().toArray(new String[0]);
    }

    /** The value of {@code {name}} in the matched template, or null. */
    @SuppressWarnings("unchecked")
    public static String param(HttpExchange exchange, String name) {
        Object params = exchange.getAttribute(PARAMS);
        return params instanceof Map ? ((Map<String, String>) params).get(name) : null;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            for (Map.Entry<String, Map<String, HttpHandler>> route : routes.entrySet()) {
                Map<String, String> params = match(route.getKey(), path);
                if (params == null) {
                    continue;
                }
                HttpHandler handler = route.getValue().get(exchange.getRequestMethod());
                if (handler == null) {
                    exchange.getResponseHeaders().set("Allow", String.join(", ", route.getValue().keySet()));
                    Responses.error(exchange, 405, "Method not allowed here: use "
                            + String.join(" or ", route.getValue().keySet()) + ".");
                    return;
                }
                exchange.setAttribute(PARAMS, params);
                invoke(handler, exchange);
                return;
            }
            Responses.error(exchange, 404, "Not found.");
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

    /** The template's parameters when {@code path} matches it, else null. */
    static Map<String, String> match(String template, String path) {
        if (template.equals(path)) {
            return Map.of();
        }
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].length() > 2 && t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                params.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return params;
    }
}
