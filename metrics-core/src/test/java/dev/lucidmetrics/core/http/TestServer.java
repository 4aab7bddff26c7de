package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.testing.MetricValues;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/** A real JDK HttpServer on an ephemeral loopback port, a java.net.http client for it, and test helpers. */
final class TestServer implements AutoCloseable {

    final HttpServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    /**
     * Writes a raw request (for methods java.net.http refuses) with {@code Connection: close}, reads the whole
     * response and returns its status line.
     */
    String raw(String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n");
            return end < 0 ? response : response.substring(0, end);
        }
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
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double last = value.getAsDouble();
        while (last != expected) {
            if (System.nanoTime() > deadline) {
                fail(what + ": expected " + expected + " within 10 s, last saw " + last);
            }
            LockSupport.parkNanos(200_000);
            last = value.getAsDouble();
        }
    }

    /**
     * Polls until {@code value} reaches at least {@code expected}, for load tests whose subject is not the exact
     * count: java.net.http retries a GET once when a pooled connection closes under it, so the server may have
     * counted one request more than the client sent (seen once in RouteCardinalityTest: 2001 of 2000).
     */
    static void awaitAtLeast(double expected, DoubleSupplier value, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double last = value.getAsDouble();
        while (last < expected) {
            if (System.nanoTime() > deadline) {
                fail(what + ": expected at least " + expected + " within 10 s, last saw " + last);
            }
            LockSupport.parkNanos(200_000);
            last = value.getAsDouble();
        }
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
