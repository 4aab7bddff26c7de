package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Every path the metrics server does not serve: 404 naming where the metrics are. */
final class NotFoundHandler implements HttpHandler {

    private final String metricsPath;

    NotFoundHandler(String metricsPath) {
        this.metricsPath = metricsPath;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            TextResponses.text(exchange, 404, "Not found: metrics are at " + metricsPath + "\n");
        }
    }
}
