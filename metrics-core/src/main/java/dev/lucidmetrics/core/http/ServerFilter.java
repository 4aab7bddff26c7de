package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Function;

/**
 * The filter {@link HttpServerMetrics} adds to a JDK server's contexts: skips excluded paths, hands the chain an
 * exchange with a route attribute of its own ({@link RoutedExchange}), wraps the response body to see when the
 * response completes, tells the {@link RequestRecorder} the outcome, keeps the request in flight until the handler
 * is done whatever it does, and lets every exception reach the server unchanged.
 */
final class ServerFilter extends Filter {

    private final RequestRecorder recorder;
    private final Function<HttpExchange, String> traceIdOf;
    private final TraceExemplars exemplars;

    ServerFilter(RequestRecorder recorder, Function<HttpExchange, String> traceIdOf, TraceExemplars exemplars) {
        this.recorder = recorder;
        this.traceIdOf = traceIdOf;
        this.exemplars = exemplars;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (recorder.excludes(path)) {
            chain.doFilter(exchange);
            return;
        }
        HttpExchange routed = RoutedExchange.wrap(exchange);   // the router down the chain may set its route
        try (RequestRecorder.Request request = recorder.start(exchange.getRequestMethod(), path)) {
            ExchangeTracker tracker = new ExchangeTracker(request, routed, traceIdOf, exemplars);
            exchange.setStreams(null, new ResponseStream(exchange.getResponseBody(), tracker));
            try {
                chain.doFilter(routed);
                tracker.handlerReturned();
            } catch (IOException | RuntimeException | Error e) {
                tracker.handlerThrew(e);
                throw e;
            }
        }
    }

    @Override
    public String description() {
        return "Lucid Metrics: request count, duration and in-flight gauge";
    }
}
