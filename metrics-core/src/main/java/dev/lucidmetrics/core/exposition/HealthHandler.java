package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Answers {@code 200 OK} at its exact path, like Prometheus' own {@code /-/healthy}. */
final class HealthHandler implements HttpHandler {

    static final String PATH = "/-/healthy";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                TextResponses.text(exchange, 404, "Not found.\n");
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                TextResponses.methodNotAllowed(exchange, MetricsHandler.ALLOWED);
            } else {
                TextResponses.text(exchange, 200, "OK");
            }
        }
    }
}
