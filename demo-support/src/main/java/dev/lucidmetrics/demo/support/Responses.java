package dev.lucidmetrics.demo.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes complete responses (headers, exact byte length, body) and closes the exchange. JSON goes through Jackson. */
public final class Responses {

    /** The demos' one JSON mapper (thread-safe once configured). */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    /** {@code body} serialised by Jackson, as {@code application/json}. */
    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        bytes(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** The liveness answer every demo gives at {@link DemoServer#HEALTH_PATH}: 200 {@code {"status": "UP"}}. */
    public static void health(HttpExchange exchange) throws IOException {
        json(exchange, 200, Map.of("status", "UP"));
    }

    /** A short JSON error: {@code {"error": "..."}}. */
    public static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    /** UTF-8 text with the given media type ({@code text/plain}, {@code text/html}). */
    public static void text(HttpExchange exchange, int status, String mediaType, String body) throws IOException {
        bytes(exchange, status, mediaType + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without a body, such as 204. */
    public static void empty(HttpExchange exchange, int status) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        }
    }

    public static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
