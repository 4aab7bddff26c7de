package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Gauge;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.Summary;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a server integration tells about each request, and the one place it becomes the standard families: the
 * JDK server's filter ({@link HttpServerMetrics#instrument}) and the Servlet filter both use it, so every server is
 * counted alike — the same route templates and sentinels, the same cap, the same codes for failures.
 * <pre>{@code
 * RequestRecorder recorder = HttpServerMetrics.builder(app).routes("/orders/{id}").register().recorder();
 * try (RequestRecorder.Request r = recorder.start(method, path)) {    // in flight from here to close()
 *     handle();
 *     r.completed(200, bytesWritten);                                  // counted once, timed from start
 * }
 * }</pre>
 */
public final class RequestRecorder {

    private static final System.Logger LOG = System.getLogger(RequestRecorder.class.getName());

    private final Counter requests;
    private final Gauge inFlight;
    private final Histogram duration;
    private final Counter exceptions;
    private final Summary responseSize;
    private final Routes routes;
    private final PathExclusions exclusions;
    private final TraceExemplars exemplars;
    private final AtomicBoolean warnedNoResponse = new AtomicBoolean();

    RequestRecorder(Counter requests, Gauge inFlight, Histogram duration, Counter exceptions, Summary responseSize,
            Routes routes, PathExclusions exclusions, TraceExemplars exemplars) {
        this.requests = requests;
        this.inFlight = inFlight;
        this.duration = duration;
        this.exceptions = exceptions;
        this.responseSize = responseSize;
        this.routes = routes;
        this.exclusions = exclusions;
        this.exemplars = exemplars;
    }

    /** True when requests to {@code path} are not counted at all (the excluded paths). */
    public boolean excludes(String path) {
        return exclusions.excludes(path);
    }

    /**
     * True when the response size is recorded ({@code responseSize(true)}): only then need an integration count
     * the bytes of a response body, which it passes to {@link Request#completed}.
     */
    public boolean recordsResponseSize() {
        return responseSize != null;
    }

    /** Starts one request of {@code method} to {@code path}: in flight from now until {@link Request#close()}. */
    public Request start(String method, String path) {
        return new Request(method, path);
    }

    /**
     * One request. It is recorded once, by the first of {@link #completed}, {@link #failed} and {@link #noResponse};
     * later calls do nothing. A client that went away ({@link #clientGone}) turns the code into
     * {@value ServerLabels#CLIENT_CLOSED}, whatever else happened. Its route label is the template a framework matched
     * ({@link #route}), else the declared template its path matches, else a sentinel — or, when no template is
     * declared, the {@link #fallbackRoute}.
     */
    public final class Request implements AutoCloseable {
        private final String method;
        private final String path;
        private final long start = System.nanoTime();
        private final AtomicBoolean recorded = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile String template;
        private volatile String fallback;
        private volatile String traceId;
        private volatile boolean gone;

        private Request(String method, String path) {
            this.method = HttpMethods.normalise(method);
            this.path = path;
            inFlight.inc();
        }

        /** The template a router or framework matched, such as {@code "/images/{id}"}; null or empty: none. */
        public Request route(String template) {
            this.template = template;
            return this;
        }

        /** The route label when no template is declared at all, such as the JDK context's path. */
        public Request fallbackRoute(String route) {
            this.fallback = route;
            return this;
        }

        /** A trace id for the duration's exemplar ({@code {trace_id="..."}}); null or empty: none. */
        public Request traceId(String traceId) {
            this.traceId = traceId;
            return this;
        }

        /** The client went away before the response was whole (writing to it failed): counted as 499. */
        public Request clientGone() {
            this.gone = true;
            return this;
        }

        /** The response was sent: counted under its status. */
        public void completed(int status, long bodyBytes) {
            record(Integer.toString(status), bodyBytes);
        }

        /** The handler threw: counted as {@value ServerLabels#NO_RESPONSE}, and the exception by its class name. */
        public void failed(Throwable error, long bodyBytes) {
            if (recorded.get()) {
                return;
            }
            String name = error.getClass().getSimpleName();
            exceptions.labels(name.isEmpty() ? error.getClass().getName() : name).inc();
            record(ServerLabels.NO_RESPONSE, bodyBytes);
        }

        /** The handler returned without a response: counted as {@value ServerLabels#NO_RESPONSE}, warned once. */
        public void noResponse(long bodyBytes) {
            if (recorded.get()) {
                return;
            }
            if (!gone && warnedNoResponse.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "An HTTP handler returned without sending a response (" + method
                        + " " + path + "); counted as code \"" + ServerLabels.NO_RESPONSE + "\". Send a response and"
                        + " close the exchange on every path. Logged once.");
            }
            record(ServerLabels.NO_RESPONSE, bodyBytes);
        }

        /** True once the request is counted. */
        public boolean recorded() {
            return recorded.get();
        }

        /** The request is no longer in flight (once; the counting is {@link #completed} and the others). */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                inFlight.dec();
            }
        }

        private void record(String outcome, long bodyBytes) {
            if (!recorded.compareAndSet(false, true)) {
                return;
            }
            String code = gone ? ServerLabels.CLIENT_CLOSED : outcome;
            String route = routes.label(template, path, fallback, Integer.parseInt(code));
            requests.labels(method, route, code).inc();
            exemplars.observe(duration.labels(method, route, code), (System.nanoTime() - start) / 1e9, traceId);
            if (responseSize != null) {
                responseSize.labels(method, route, code).observe(bodyBytes);
            }
        }
    }
}
