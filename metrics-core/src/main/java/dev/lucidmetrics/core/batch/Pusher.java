package dev.lucidmetrics.core.batch;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.PushGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/** Pushes one registry to a Pushgateway with {@code pushAdd} (POST), with our timeouts and an error naming the URL. */
final class Pusher {

    private final URI gateway;
    private final PushGateway client;

    Pusher(URI gateway, Duration timeout) {
        this.gateway = gateway;
        try {
            this.client = new PushGateway(gateway.toURL());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Pushgateway URL \"" + gateway + "\" is not a URL: use an absolute"
                    + " http(s) URL such as http://pushgateway:9091.", e);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        client.setConnectionFactory(url -> {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            return connection;
        });
    }

    /** Replaces the pushed metrics of the same names in the group {@code job} + {@code groupingKey}. */
    void pushAdd(CollectorRegistry registry, String job, Map<String, String> groupingKey) {
        try {
            client.pushAdd(registry, job, groupingKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not push the metrics of batch job \"" + job + "\" to the Pushgateway"
                    + " at " + gateway + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "): check that"
                    + " it runs and that the URL is right.", e);
        }
    }
}
