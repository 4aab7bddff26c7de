package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import java.net.http.HttpRequest;
import java.util.function.Function;

/** The client families and the rules of their labels: what {@link InstrumentedHttpClient} records each call into. */
final class ClientCalls {

    /** Code of a call that ended in a request or connect timeout. */
    static final String TIMEOUT = "timeout";
    /** Code of a call that ended in any other failure. */
    static final String ERROR = "error";

    private final Counter requests;
    private final Histogram duration;
    private final TargetNames targets;
    private final Function<HttpRequest, String> traceIdOf;
    private final TraceExemplars exemplars;

    ClientCalls(Counter requests, Histogram duration, TargetNames targets, Function<HttpRequest, String> traceIdOf) {
        this.requests = requests;
        this.duration = duration;
        this.targets = targets;
        this.traceIdOf = traceIdOf;
        this.exemplars = new TraceExemplars(duration.name());
    }

    /** The label value for {@code target}; throws for a malformed or undeclared name. */
    String targetLabel(String target) {
        return targets.label(target);
    }

    /** One call of {@code request}, begun at {@code startNanos}, that ended with {@code code}. */
    void record(HttpRequest request, String target, String method, String code, long startNanos) {
        requests.labels(target, method, code).inc();
        exemplars.observe(duration.labels(target, method, code), (System.nanoTime() - startNanos) / 1e9,
                exemplars.traceId(traceIdOf, request));
    }
}
