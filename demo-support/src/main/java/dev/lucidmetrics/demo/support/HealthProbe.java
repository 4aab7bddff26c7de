package dev.lucidmetrics.demo.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A health check for images without curl: exits 0 when the URL answers 200 within 3 seconds, else 1.
 * <pre>
 * java -cp app.jar dev.lucidmetrics.demo.support.HealthProbe                  # http://localhost:$PORT/health
 * java -cp app.jar dev.lucidmetrics.demo.support.HealthProbe http://host:8010/health
 * </pre>
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv("PORT");
        if (args.length > 1 || (args.length == 0 && (port == null || !port.matches("[0-9]{1,5}")))) {
            System.err.println("usage: HealthProbe [URL]   (without URL: http://localhost:$PORT"
                    + DemoServer.HEALTH_PATH + ", PORT=\"" + port + "\")");
            System.exit(2);
        }
        String url = args.length == 1 ? args[0] : "http://localhost:" + port + DemoServer.HEALTH_PATH;
        System.exit(healthy(URI.create(url)) ? 0 : 1);
    }

    static boolean healthy(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            System.err.println("unhealthy: " + uri + ": " + e);
            return false;
        }
    }
}
