package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/** A real JDK HttpServer on an ephemeral loopback port, called through the tests' one client ({@link TestHttp}). */
final class TestServer implements AutoCloseable {

    final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    HttpContext context(String path, HttpHandler handler) {
        return server.createContext(path, handler);
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> send(String method, String path) {
        return TestHttp.method(uri(path), method);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path);
    }

    /** The status line of a raw request, for methods java.net.http refuses (see {@link TestHttp#raw}). */
    String raw(String method, String path) {
        return TestHttp.rawStatusLine(uri("/"), method, path);
    }

    /**
     * Answers every request with {@code status} and no body. Load tests use it: a body written after the headers
     * is a second small TCP segment, which Nagle holds until the client's delayed ACK (~40 ms per request on a
     * keep-alive connection) unless the JVM runs with -Dsun.net.httpserver.nodelay=true.
     */
    static HttpHandler headersOnly(int status) {
        return exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        };
    }

    /** Answers every request with {@code status} and a short body (no body for HEAD, 204, 304). */
    static HttpHandler status(int status) {
        return exchange -> respond(exchange, status, "ok");
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean empty = "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!empty) {
                out.write(bytes);
            }
        }
    }

    /** Polls {@code value} until it equals {@code expected}, failing after 10 s with the last value seen. */
    static void awaitValue(double expected, DoubleSupplier value, String what) {
        Poll.until(Duration.ofSeconds(10), () -> value.getAsDouble() == expected,
                () -> what + ": expected " + expected + " within 10 s, last saw " + value.getAsDouble());
    }

    /**
     * Polls until {@code value} reaches at least {@code expected}, for load tests whose subject is not the exact
     * count: java.net.http retries a GET once when a pooled connection closes under it, so the server may have
     * counted one request more than the client sent (seen once in RouteCardinalityTest: 2001 of 2000).
     */
    static void awaitAtLeast(double expected, DoubleSupplier value, String what) {
        Poll.until(Duration.ofSeconds(10), () -> value.getAsDouble() >= expected,
                () -> what + ": expected at least " + expected + " within 10 s, last saw " + value.getAsDouble());
    }

    /**
     * The values of {@code label} on samples of {@code name} with a non-zero value. (Before metrics-core created
     * the all-"OVERFLOW" series lazily, every labelled metric exposed it at 0 from the start.)
     */
    static List<String> countedValues(MetricValues values, String name, String label) {
        return values.labelValues(name, label).stream()
                .filter(v -> values.sum(name, label, v) > 0).collect(Collectors.toList());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
