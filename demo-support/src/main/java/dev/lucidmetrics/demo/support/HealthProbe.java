package dev.lucidmetrics.demo.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A health check for images without curl: {@code java -cp app.jar:lib/* dev.lucidmetrics.demo.support.HealthProbe
 * http://localhost:8010/health} exits 0 when the URL answers 200 within 3 seconds, else 1.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthProbe URL   (for example http://localhost:8010/health)");
            System.exit(2);
        }
        System.exit(healthy(URI.create(args[0])) ? 0 : 1);
    }

    static boolean healthy(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            System.err.println("unhealthy: " + e);
            return false;
        }
    }
}
