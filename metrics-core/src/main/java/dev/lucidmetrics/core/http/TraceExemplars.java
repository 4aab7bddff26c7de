package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.Histogram;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Observes a duration with a {@code {trace_id="..."}} exemplar when the app gives a trace id. A function that
 * throws, or a trace id an exemplar cannot carry, never costs the request its count: the duration is observed
 * without exemplar and one warning is logged.
 */
final class TraceExemplars {

    private static final System.Logger LOG = System.getLogger(TraceExemplars.class.getName());

    private final String family;
    private final AtomicBoolean warned = new AtomicBoolean();

    TraceExemplars(String family) {
        this.family = family;
    }

    /** The trace id {@code traceIdOf} gives for {@code source}; null when there is no function, or it throws. */
    <T> String traceId(Function<T, String> traceIdOf, T source) {
        if (traceIdOf == null) {
            return null;
        }
        try {
            return traceIdOf.apply(source);
        } catch (RuntimeException e) {
            warn("the trace id function threw " + e, e);
            return null;
        }
    }

    void observe(Histogram.Child series, double seconds, String traceId) {
        if (traceId == null || traceId.isEmpty()) {
            series.observe(seconds);
            return;
        }
        try {
            series.observeWithExemplar(seconds, "trace_id", traceId);
        } catch (IllegalArgumentException e) {
            warn(e.getMessage(), null);
            series.observe(seconds);
        }
    }

    private void warn(String problem, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "No exemplar for \"" + family + "\": " + problem + ". The duration"
                    + " is still recorded. Logged once.", cause);
        }
    }
}
