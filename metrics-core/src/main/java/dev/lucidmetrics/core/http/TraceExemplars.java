package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.Histogram;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Observes a duration with a {@code {trace_id="..."}} exemplar when the app's function gives a trace id. A function
 * that throws, or a trace id an exemplar cannot carry, never costs the request its count: the duration is observed
 * without exemplar and one warning is logged.
 *
 * @param <T> what the trace id is read from: the server's exchange or the client's request
 */
final class TraceExemplars<T> {

    private static final System.Logger LOG = System.getLogger(TraceExemplars.class.getName());

    private final String family;
    private final Function<T, String> traceIdOf;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param traceIdOf null when the app asked for no trace-id exemplars */
    TraceExemplars(String family, Function<T, String> traceIdOf) {
        this.family = family;
        this.traceIdOf = traceIdOf;
    }

    void observe(Histogram.Child series, double seconds, T source) {
        if (traceIdOf == null) {
            series.observe(seconds);
            return;
        }
        String traceId;
        try {
            traceId = traceIdOf.apply(source);
        } catch (RuntimeException e) {
            warn("the trace id function threw " + e, e);
            series.observe(seconds);
            return;
        }
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
