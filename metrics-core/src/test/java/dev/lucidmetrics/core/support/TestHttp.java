package dev.lucidmetrics.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The tests' one HTTP client for real loopback sockets: java.net.http with connect and request timeouts, so no
 * test hangs, and a raw request ({@link RawHttp}) for requests java.net.http refuses to send.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TestHttp() {
    }

    /** The client itself, for tests that wrap it (as instrumented clients do). */
    public static HttpClient client() {
        return CLIENT;
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
    public static URI local(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** A request builder for {@code uri} with the tests' timeout. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    /** A request builder for {@code http://127.0.0.1:<port><pathAndQuery>} with the tests' timeout. */
    public static HttpRequest.Builder request(int port, String pathAndQuery) {
        return request(local(port, pathAndQuery));
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder b = request(uri);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.GET().build());
    }

    public static HttpResponse<String> get(int port, String pathAndQuery, String... headers) {
        return get(local(port, pathAndQuery), headers);
    }

    public static CompletableFuture<HttpResponse<String>> getAsync(URI uri) {
        return CLIENT.sendAsync(request(uri).GET().build(), BodyHandlers.ofString());
    }

    public static HttpResponse<String> post(URI uri, String contentType, String body) {
        return send(request(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** {@code method} without a body, such as {@code DELETE} or {@code HEAD}. */
    public static HttpResponse<String> method(URI uri, String method) {
        return send(request(uri).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(request, BodyHandlers.ofString());
    }

    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code METHOD path HTTP/1.1} on a raw socket, for requests java.net.http refuses to send (a method such
     * as {@code BREW}, a malformed query), with {@code Connection: close}; returns the whole response as ISO-8859-1
     * text.
     */
    public static String raw(URI server, String method, String path) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nConnection: close\r\n\r\n";
        String response = RawHttp.untilClosed(server.getPort(), head.getBytes(StandardCharsets.ISO_8859_1), TIMEOUT);
        if (response == null) {
            throw new UncheckedIOException(new java.net.SocketTimeoutException("no answer within " + TIMEOUT));
        }
        return response;
    }

    /** The status line of {@link #raw}'s response, such as {@code HTTP/1.1 405 Method Not Allowed}. */
    public static String rawStatusLine(URI server, String method, String path) {
        String response = raw(server, method, path);
        int end = response.indexOf("\r\n");
        return end < 0 ? response : response.substring(0, end);
    }
}
