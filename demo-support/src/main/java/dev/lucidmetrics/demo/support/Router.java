package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.http.RouteTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes requests of one JDK {@code HttpServer} context by template ({@code /images/{id}}) and method, with the
 * library's template syntax and order ({@link RouteTemplate}, docs/http.md "Routes"): when several templates match,
 * the most specific wins whatever the order they were added in, and one trailing slash is forgiven. It tells the
 * metrics filter which template it matched ({@link HttpServerMetrics#ROUTE_ATTRIBUTE}), so each request is matched
 * once, and keeps the path parameters as an attribute of the exchange. Unknown paths answer 404, known paths with
 * another method 405 with an {@code Allow} header, both as short JSON.
 * <pre>{@code
 * Router router = new Router().on("GET", "/image", this::image).on("GET", "/images/{id}", this::file);
 * DemoServer.builder("iotd").router(router, app).start();   // behind the metrics filter, as it must be
 * }</pre>
 * It must run behind {@code HttpServerMetrics}' filter, which hands down an exchange whose attributes are its own:
 * the JDK keeps an exchange's attributes in its context, shared by every request of it (JDK bug 7105350). A path
 * with parameters served without that filter answers 500 and says so in the log rather than mix up concurrent
 * requests' parameters; a literal path (such as one the metrics do not count, which the filter passes through
 * unwrapped) has none to mix up.
 */
public final class Router implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final String PARAMS = Router.class.getName() + ".params";

    private final Map<String, Map<String, HttpHandler>> handlers = new LinkedHashMap<>();
    private List<RouteTemplate> routes = List.of();

    /**
     * Adds a handler for {@code method} on {@code template}. The template follows {@link RouteTemplate}: a segment
     * in braces, named like an identifier, matches any non-empty segment; a bad template, or one that matches the
     * same paths as another, is refused here, quoting both.
     */
    public Router on(String method, String template, HttpHandler handler) {
        List<String> templates = new ArrayList<>(handlers.keySet());
        if (!handlers.containsKey(template)) {
            templates.add(template);
        }
        this.routes = RouteTemplate.parseAll(templates);
        handlers.computeIfAbsent(template, t -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    /** The route templates, in the order added, for {@code HttpServerMetrics.builder(app).routes(...)}. */
    public String[] templates() {
        return handlers.keySet().toArray(new String[0]);
    }

    /** The value of {@code {name}} in the template that matched {@code exchange}, or null. */
    public static String param(HttpExchange exchange, String name) {
        return exchange.getAttribute(PARAMS) instanceof Map<?, ?> params ? (String) params.get(name) : null;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            for (RouteTemplate route : routes) {
                Optional<Map<String, String>> params = route.match(path);
                if (params.isPresent()) {
                    serve(exchange, route.text(), params.get());
                    return;
                }
            }
            Responses.error(exchange, 404, "Not found.");
        }
    }

    private void serve(HttpExchange exchange, String template, Map<String, String> params) throws IOException {
        exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, template);
        if (!params.isEmpty()
                && exchange.getHttpContext().getAttributes().get(HttpServerMetrics.ROUTE_ATTRIBUTE) == template) {
            LOG.log(System.Logger.Level.ERROR, "Router served without HttpServerMetrics' filter in front: the"
                    + " exchange's attributes are its context's, shared by concurrent requests. Add the filter"
                    + " (http.instrument(context)) before the router, as DemoServer does.");
            Responses.error(exchange, 500, "Internal error.");
            return;
        }
        Map<String, HttpHandler> byMethod = handlers.get(template);
        HttpHandler handler = byMethod.get(exchange.getRequestMethod());
        if (handler == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
            Responses.error(exchange, 405, "Method not allowed here: use " + String.join(" or ", byMethod.keySet())
                    + ".");
            return;
        }
        exchange.setAttribute(PARAMS, params);
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            // A bug, not bad input: answer 500 rather than drop the connection, and say so once in the log.
            LOG.log(System.Logger.Level.ERROR, "Handler failed for " + exchange.getRequestMethod() + " " + path(exchange),
                    e);
            if (exchange.getResponseCode() < 0) {
                Responses.error(exchange, 500, "Internal error.");
            }
        }
    }

    private static String path(HttpExchange exchange) {
        return exchange.getRequestURI().getPath();
    }
}
