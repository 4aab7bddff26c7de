package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.spi.PushTarget;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.PushGateway;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;

/** simpleclient_pushgateway's {@code pushAdd}, with the target's timeouts instead of its fixed 10 s. */
final class Push {

    private Push() {
    }

    static void pushAdd(CollectorRegistry registry, PushTarget target) throws IOException {
        PushGateway client;
        try {
            client = new PushGateway(target.gateway().toURL());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IOException("\"" + target.gateway() + "\" is not a URL", e);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
        client.setConnectionFactory(url -> {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            return connection;
        });
        client.pushAdd(registry, target.job(), target.groupingKey());
    }
}
