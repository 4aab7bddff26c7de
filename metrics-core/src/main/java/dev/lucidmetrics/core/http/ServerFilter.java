package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * The filter {@link HttpServerMetrics} adds to a context: skips excluded paths, hands the chain an exchange with a
 * route attribute of its own ({@link RoutedExchange}), wraps the response body to see when the response
 * completes, keeps the in-flight gauge balanced whatever the handler does, and lets every exception reach the
 * server unchanged.
 */
final class ServerFilter extends Filter {

    private final HttpServerMetrics metrics;

    ServerFilter(HttpServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (metrics.exclusions().excludes(path)) {
            chain.doFilter(exchange);
            return;
        }
        HttpExchange routed = RoutedExchange.wrap(exchange);   // the router down the chain may set its route
        ExchangeTracker tracker = new ExchangeTracker(metrics, routed);
        exchange.setStreams(null, new ResponseStream(exchange.getResponseBody(), tracker));
        metrics.inFlight().inc();
        try {
            chain.doFilter(routed);
            tracker.handlerReturned();
        } catch (IOException | RuntimeException | Error e) {
            tracker.handlerThrew(e);
            throw e;
        } finally {
            metrics.inFlight().dec();
        }
    }

    @Override
    public String description() {
        return "Lucid Metrics: request count, duration and in-flight gauge";
    }
}
