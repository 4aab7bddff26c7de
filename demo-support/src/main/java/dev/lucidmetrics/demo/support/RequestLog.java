package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The filter every {@link DemoServer} puts in front of its handler, just behind the metrics filter. It gives each
 * request a trace (the trace id of its W3C {@code traceparent} header with a span id of its own, or a new trace when
 * the header is absent or malformed), keeps it as an attribute of the exchange ({@link #trace}), makes it the trace
 * of every log line written while the request is served, and logs one line when the request has been served:
 * <pre>
 * {"time":"...","level":"INFO","logger":"dev.lucidmetrics.demo.support.RequestLog","thread":"gallery-http-1",
 *  "message":"GET / 200","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"a3ce929d0e0e4736",
 *  "method":"GET","path":"/","status":200,"duration_ms":12.034}
 * </pre>
 * {@code duration_ms}, like the duration metric, includes the wait for an {@code HTTP_THREADS} turn. Quiet paths
 * (such as {@code /favicon.ico}) are logged at DEBUG, below the default level; health checks have a context of their
 * own and no line. The path is the raw (still percent-encoded) path, without the query string.
 */
public final class RequestLog extends Filter {

    private static final String ATTRIBUTE = RequestLog.class.getName() + ".trace";
    /**
     * The trace of the request this thread serves, for the log lines it writes ({@link LogLine}): java.util.logging
     * hands a formatter the record, never the exchange, so the log context is the thread's, as SLF4J's MDC is. The
     * request's own trace is the exchange attribute; this is only where a log line finds it.
     */
    private static final ThreadLocal<TraceParent> LOG_CONTEXT = new ThreadLocal<>();
    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());

    private final Set<String> quietPaths;

    RequestLog(Collection<String> quietPaths) {
        this.quietPaths = Set.copyOf(quietPaths);
    }

    /**
     * The trace of the request: outgoing calls made for it send {@code trace(exchange).child().header()} as their
     * {@code traceparent}. It is an attribute of the exchange the metrics filter hands down, which belongs to this
     * request alone; an exchange that did not pass this filter gets a new trace there.
     */
    public static TraceParent trace(HttpExchange exchange) {
        if (exchange.getAttribute(ATTRIBUTE) instanceof TraceParent trace) {
            return trace;
        }
        TraceParent fresh = TraceParent.generate();
        exchange.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    /** The trace of the request this thread is serving, or null: what a log line written now carries. */
    static TraceParent current() {
        return LOG_CONTEXT.get();
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        TraceParent trace = TraceParent.fromHeaders(exchange.getRequestHeaders().get(TraceParent.HEADER))
                .map(TraceParent::child).orElseGet(TraceParent::generate);
        exchange.setAttribute(ATTRIBUTE, trace);
        TraceParent outer = LOG_CONTEXT.get();
        LOG_CONTEXT.set(trace);
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            chain.doFilter(exchange);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            log(exchange, System.nanoTime() - start, failure);
            if (outer == null) {
                LOG_CONTEXT.remove();
            } else {
                LOG_CONTEXT.set(outer);
            }
        }
    }

    private void log(HttpExchange exchange, long nanos, Throwable failure) {
        String path = exchange.getRequestURI().getRawPath();
        Level level = failure != null ? Level.WARNING : quietPaths.contains(path) ? Level.FINE : Level.INFO;
        if (!LOG.isLoggable(level)) {
            return;
        }
        int status = exchange.getResponseCode();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", exchange.getRequestMethod());
        fields.put("path", path);
        fields.put("status", status < 0 ? null : status);
        fields.put("duration_ms", Math.round(nanos / 1e3) / 1e3);
        fields.put("error", failure == null ? null : failure.toString());
        LogRecord record = new LogRecord(level, exchange.getRequestMethod() + " " + path + " "
                + (status < 0 ? "without response" : status));
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {new LogLine.Fields(fields)});
        LOG.log(record);
    }

    @Override
    public String description() {
        return "a trace per request (W3C traceparent) and one log line when it is served";
    }
}
