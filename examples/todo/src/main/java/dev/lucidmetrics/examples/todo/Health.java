package dev.lucidmetrics.examples.todo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** {@code GET /health}: 200 while the service runs, for process managers and load balancers. */
final class Health {

    private Health() {
    }

    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/health")) {
                TasksApi.send(exchange, 404, Map.of("error", "No such path: the health check is /health."));
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                TasksApi.send(exchange, 405, Map.of("error", "Use GET /health."));
            } else {
                TasksApi.send(exchange, 200, Map.of("status", "up"));
            }
        }
    }
}
