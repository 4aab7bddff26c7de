package dev.lucidmetrics.core.batch;

import dev.lucidmetrics.core.spi.BackendRegistry;
import dev.lucidmetrics.core.spi.PushTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Pushes one registry to a Pushgateway with {@code pushAdd} (POST), with our timeouts and an error naming the URL. */
final class Pusher {

    private final URI gateway;
    private final Duration timeout;

    Pusher(URI gateway, Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /** Replaces the pushed metrics of the same names in the group {@code job} + {@code groupingKey}. */
    void pushAdd(BackendRegistry registry, String job, Map<String, String> groupingKey) {
        try {
            registry.pushAdd(new PushTarget(gateway, job, groupingKey, timeout));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not push the metrics of batch job \"" + job + "\" to the Pushgateway"
                    + " at " + gateway + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "): check that"
                    + " it runs and that the URL is right.", e);
        }
    }
}
