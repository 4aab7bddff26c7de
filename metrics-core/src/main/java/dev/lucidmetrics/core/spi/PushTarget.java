package dev.lucidmetrics.core.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where a push goes: the Pushgateway's base URL (absolute http(s), checked), the job, the grouping key beside it
 * (label names checked) and the connect and read timeout.
 */
public record PushTarget(URI gateway, String job, Map<String, String> groupingKey, Duration timeout) {

    public PushTarget {
        groupingKey = Map.copyOf(groupingKey);
    }
}
