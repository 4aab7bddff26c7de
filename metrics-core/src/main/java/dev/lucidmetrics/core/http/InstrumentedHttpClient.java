package dev.lucidmetrics.core.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link HttpClient} whose calls are recorded under a logical target name, once per call: with the status
 * as text when a response arrived, {@code code="timeout"} or {@code code="error"} when none did. The duration runs
 * until {@code send} returns or the future completes, so it includes the body when the body handler reads it.
 * <pre>{@code
 * HttpResponse<String> image = client.send("iotd", HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
 * }</pre>
 */
public final class InstrumentedHttpClient {

    private final HttpClient client;
    private final ClientCalls metrics;

    InstrumentedHttpClient(HttpClient client, ClientCalls metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /**
     * Sends synchronously and records the outcome under {@code target}; exceptions reach the caller unchanged.
     *
     * @throws IllegalArgumentException before sending, when {@code target} is malformed or not declared
     */
    public <T> HttpResponse<T> send(String target, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String label = metrics.targetLabel(target);
        String method = HttpMethods.normalise(request.method());
        long start = System.nanoTime();
        HttpResponse<T> response;
        try {
            response = client.send(request, handler);
        } catch (IOException | InterruptedException | RuntimeException e) {
            metrics.record(request, label, method, ClientOutcome.codeFor(e), start);
            throw e;
        }
        metrics.record(request, label, method, Integer.toString(response.statusCode()), start);
        return response;
    }

    /**
     * Sends asynchronously and records the outcome under {@code target} when the future completes; the returned
     * future completes after the recording, with the same response or failure.
     *
     * @throws IllegalArgumentException before sending, when {@code target} is malformed or not declared
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(String target, HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        String label = metrics.targetLabel(target);
        String method = HttpMethods.normalise(request.method());
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<T>> sent;
        try {
            sent = client.sendAsync(request, handler);
        } catch (RuntimeException e) {
            metrics.record(request, label, method, ClientOutcome.codeFor(e), start);
            throw e;
        }
        return sent.whenComplete((response, failure) -> metrics.record(request, label, method,
                response != null ? Integer.toString(response.statusCode()) : ClientOutcome.codeFor(failure), start));
    }

    /** The wrapped client, for calls that should not be recorded. */
    public HttpClient unwrap() {
        return client;
    }
}
