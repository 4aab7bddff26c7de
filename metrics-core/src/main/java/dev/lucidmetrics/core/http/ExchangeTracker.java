package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.function.Function;

/**
 * The life of one counted exchange of the JDK server, told to the {@link RequestRecorder}. It is recorded exactly
 * once, at the first of: the handler handing over the
 * last bytes of a complete response (just before the JDK gets them, so the count is there before the client can
 * have the whole response), the handler returning, the handler throwing. The outcome decides {@code code}:
 * <ul>
 *   <li>response complete, or headers sent and the handler returned: the status sent, as text;</li>
 *   <li>writing the response failed after the headers went out (the client went away):
 *       {@value ServerLabels#CLIENT_CLOSED};</li>
 *   <li>the handler threw, or returned without sending headers: {@value ServerLabels#NO_RESPONSE}.</li>
 * </ul>
 */
final class ExchangeTracker {

    private static final long UNKNOWN = -2;

    private final RequestRecorder.Request request;
    private final HttpExchange exchange;
    private final Function<HttpExchange, String> traceIdOf;
    private final TraceExemplars exemplars;
    private volatile long bytes;
    private long promised = UNKNOWN;

    /**
     * Tracks {@code exchange}, the one the filter hands down (its route attribute and trace id are read when
     * recording, after the router and the handler ran).
     */
    ExchangeTracker(RequestRecorder.Request request, HttpExchange exchange, Function<HttpExchange, String> traceIdOf,
            TraceExemplars exemplars) {
        this.request = request;
        this.exchange = exchange;
        this.traceIdOf = traceIdOf;
        this.exemplars = exemplars;
    }

    void wrote(int n) {
        bytes += n;
    }

    /**
     * Writing the body failed. It is the client's doing (gone, reset) when the headers were sent and the handler
     * kept to the declared length (none for HEAD, 1xx, 204, 304); otherwise it is the handler's bug.
     */
    void writeFailed(int attempted, boolean closing) {
        int status = exchange.getResponseCode();
        if (status < 0) {
            return;
        }
        long declared = declaredLength(status);
        boolean handlerBroke = declared >= 0 && (bytes + attempted > declared || (closing && bytes < declared));
        if (!handlerBroke) {
            request.clientGone();
        }
    }

    /**
     * The handler is about to write {@code pending} bytes ({@code closing}: to close the body). When that completes
     * the response as declared (the last bytes of a {@code Content-length}, or the close of a chunked or empty
     * body), the exchange is recorded now, before the bytes reach the JDK: once they are on the wire the client may
     * read its metrics before this thread runs again. If that last hand-over then fails, the client left while the
     * complete response was in transit; it stays counted with its status. An incomplete response is not recorded
     * here: the JDK refuses it and {@link #writeFailed} decides.
     */
    void aboutToFinish(int pending, boolean closing) {
        int status = exchange.getResponseCode();
        if (status < 0 || request.recorded()) {
            return;
        }
        long declared = declaredLength(status);
        long total = bytes + pending;
        boolean complete = closing ? declared < 0 || total == declared : pending > 0 && total == declared;
        if (complete) {
            prepare().completed(status, total);
        }
    }

    void responseClosed() {
        record(exchange.getResponseCode());
    }

    void handlerReturned() {
        record(exchange.getResponseCode());
    }

    void handlerThrew(Throwable error) {
        prepare().failed(error, bytes);
    }

    private void record(int status) {
        if (request.recorded()) {
            return;
        }
        if (status < 0) {
            prepare().noResponse(bytes);
        } else {
            prepare().completed(status, bytes);
        }
    }

    /** The request with what the router and the handler left on the exchange: its route and its trace id. */
    private RequestRecorder.Request prepare() {
        Object routed = exchange.getAttribute(ServerLabels.ROUTE_ATTRIBUTE);
        return request.route(routed instanceof String template ? template : null)
                .fallbackRoute(exchange.getHttpContext().getPath())
                .traceId(exemplars.traceId(traceIdOf, exchange));
    }

    /**
     * The body length the sent headers promise: 0 for HEAD, 1xx, 204, 304; the {@code Content-length}; -1 when
     * chunked or unknown. Read once (the headers are sent), since a handler may write many small pieces.
     */
    private long declaredLength(int status) {
        if (promised == UNKNOWN) {
            boolean bodyless = "HEAD".equals(exchange.getRequestMethod()) || status < 200 || status == 204
                    || status == 304;
            promised = bodyless ? 0 : parse(exchange.getResponseHeaders().getFirst("Content-length"));
        }
        return promised;
    }

    private static long parse(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
