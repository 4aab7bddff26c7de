package dev.lucidmetrics.core.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link HttpClient} whose calls are recorded under a logical target name. Failures are counted with
 * {@code code="timeout"} or {@code code="error"}, never with an exception message.
 * (Provisional implementation; the HTTP instrumentation issue completes it.)
 */
public final class InstrumentedHttpClient {

    private final HttpClient client;
    private final HttpClientMetrics metrics;

    InstrumentedHttpClient(HttpClient client, HttpClientMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /** Sends synchronously and records the outcome under {@code target}. */
    public <T> HttpResponse<T> send(String target, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        String code = "error";
        try {
            HttpResponse<T> response = client.send(request, handler);
            code = Integer.toString(response.statusCode());
            return response;
        } catch (HttpTimeoutException e) {
            code = "timeout";
            throw e;
        } finally {
            record(target, request.method(), code, start);
        }
    }

    /** Sends asynchronously and records the outcome under {@code target} when the future completes. */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(String target, HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        long start = System.nanoTime();
        return client.sendAsync(request, handler).whenComplete((response, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String code = response != null ? Integer.toString(response.statusCode())
                    : cause instanceof HttpTimeoutException ? "timeout" : "error";
            record(target, request.method(), code, start);
        });
    }

    /** The wrapped client. */
    public HttpClient unwrap() {
        return client;
    }

    private void record(String target, String method, String code, long start) {
        metrics.requests.labels(target, method, code).inc();
        metrics.duration.labels(target, method, code).observe((System.nanoTime() - start) / 1e9);
    }
}
