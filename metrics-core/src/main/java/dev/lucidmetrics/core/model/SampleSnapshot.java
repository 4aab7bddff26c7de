package dev.lucidmetrics.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample of a family at one instant: its name as exposed ({@code x_total}, {@code x_bucket}, {@code x}), its
 * labels in the order of the exposition, and its value.
 *
 * @param name   the sample's name, such as {@code shop_requests_total} or {@code shop_duration_seconds_bucket}
 * @param labels label names to values, in exposition order (the app's common labels, the metric's own, then
 *               {@code le} or {@code quantile})
 * @param value  the value
 */
public record SampleSnapshot(String name, Map<String, String> labels, double value) {

    public SampleSnapshot {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
