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
 * The filter every {@link DemoServer} puts in front of its handler. It gives each request a trace (the trace id of
 * its W3C {@code traceparent} header with a span id of its own, or a new trace when the header is absent or
 * malformed), makes it the trace of every log line written while the request is served, and logs one line when
 * the handler returns:
 * <pre>
 * {"time":"...","level":"INFO","logger":"dev.lucidmetrics.demo.support.RequestLog","thread":"gallery-http-1",
 *  "message":"GET / 200","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"a3ce929d0e0e4736",
 *  "method":"GET","path":"/","status":200,"duration_ms":12.034}
 * </pre>
 * Quiet paths (health checks) are logged at DEBUG, below the default level. The path is the raw (still
 * percent-encoded) path, without the query string.
 */
public final class RequestLog extends Filter {

    private static final String ATTRIBUTE = RequestLog.class.getName() + ".trace";
    private static final ThreadLocal<TraceParent> CURRENT = new ThreadLocal<>();
    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());

    private final Set<String> quietPaths;

    RequestLog(Collection<String> quietPaths) {
        this.quietPaths = Set.copyOf(quietPaths);
    }

    /**
     * The trace of the request: outgoing calls made for it send {@code trace(exchange).child().header()} as their
     * {@code traceparent}. Inside this filter it is the trace of the request this thread serves (the filters and the
     * handler of one exchange run on one thread), never read from the exchange's attributes: the JDK keeps those in
     * the {@code HttpContext}, shared by every request of the context (JDK bug 7105350), so a request's trace would
     * be overwritten by the next one's. An exchange that did not pass this filter gets a new trace.
     */
    public static TraceParent trace(HttpExchange exchange) {
        TraceParent current = CURRENT.get();
        if (current != null) {
            return current;
        }
        if (exchange.getAttribute(ATTRIBUTE) instanceof TraceParent trace) {
            return trace;
        }
        TraceParent fresh = TraceParent.generate();
        exchange.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    /** The trace of the request this thread is serving, or null. */
    static TraceParent current() {
        return CURRENT.get();
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        TraceParent trace = TraceParent.fromHeaders(exchange.getRequestHeaders().get(TraceParent.HEADER))
                .map(TraceParent::child).orElseGet(TraceParent::generate);
        TraceParent outer = CURRENT.get();
        CURRENT.set(trace);
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
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
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
