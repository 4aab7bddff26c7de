package dev.lucidmetrics.core.spi;

import dev.lucidmetrics.core.model.MetricType;
import java.util.List;

/**
 * What a family is, as the API registers it: its full name ({@code x_total} for a counter, {@code x_info} for an
 * info), type, help text and label names, the app's common labels first.
 */
public record FamilySpec(String name, MetricType type, String help, List<String> labelNames) {

    public FamilySpec {
        labelNames = List.copyOf(labelNames);
    }

    /** The label names as an array, for client APIs that take one. */
    public String[] labelNameArray() {
        return labelNames.toArray(new String[0]);
    }
}
