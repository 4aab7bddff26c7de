package dev.lucidmetrics.core.model;

import java.util.List;

/**
 * One metric family at one instant.
 *
 * @param name    the name the family is queried and registered by: {@code x_total} for a counter, {@code x_info}
 *                for an info, the plain name otherwise
 * @param type    its type; {@link MetricType#UNKNOWN} for untyped metrics of other libraries
 * @param help    its help text
 * @param samples its samples, in exposition order
 */
public record FamilySnapshot(String name, MetricType type, String help, List<SampleSnapshot> samples) {

    public FamilySnapshot {
        samples = List.copyOf(samples);
    }
}
