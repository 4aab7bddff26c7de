package dev.lucidmetrics.core.logging;

import java.util.logging.Level;

/**
 * The one level set of {@code <ns>_log_events_total{level}}, whatever the logging library: each library's levels
 * map onto these five (docs/instrumentations.md has the table). The label value is the lower-case name.
 */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE;

    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** The value of the {@code level} label: {@code "error"}, {@code "warn"}, ... */
    public String label() {
        return label;
    }

    /**
     * The level of a java.util.logging record: SEVERE → error, WARNING → warn, INFO and CONFIG → info,
     * FINE → debug, FINER and FINEST → trace. A custom level counts as the standard level at or below its
     * value (a level between WARNING and SEVERE is warn).
     */
    public static LogLevel of(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return WARN;
        }
        if (value >= Level.CONFIG.intValue()) {
            return INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return DEBUG;
        }
        return TRACE;
    }
}
