package dev.lucidmetrics.demo.accesslog;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinct client IPs seen within a sliding window, with a hard cap on how many are remembered. The original access
 * log kept every IP forever; this one forgets an IP not seen for {@code window}, and when more than {@code max}
 * distinct IPs are active it forgets the least recently seen, so memory stays bounded (about 100 bytes per IP) and the
 * count saturates at {@code max}.
 */
final class ClientIpWindow {

    private final Duration window;
    private final int max;
    /** Ordered from least to most recently seen (access order), so expiry only ever looks at the head. */
    private final LinkedHashMap<String, Instant> lastSeen = new LinkedHashMap<>(64, 0.75f, true);

    ClientIpWindow(Duration window, int max) {
        this.window = window;
        this.max = max;
    }

    /** Records a visit from {@code ip} and returns the distinct IPs in the window. */
    synchronized int record(String ip, Instant now) {
        lastSeen.put(ip, now);
        return evict(now);
    }

    /** The distinct IPs seen in the window ending {@code now}. */
    synchronized int count(Instant now) {
        return evict(now);
    }

    private int evict(Instant now) {
        Instant oldest = now.minus(window);
        Iterator<Map.Entry<String, Instant>> it = lastSeen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (lastSeen.size() > max || !e.getValue().isAfter(oldest)) {
                it.remove();
            } else {
                break;
            }
        }
        return lastSeen.size();
    }
}
