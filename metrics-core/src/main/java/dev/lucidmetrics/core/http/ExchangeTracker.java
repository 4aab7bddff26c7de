package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The life of one counted exchange. It is recorded exactly once, at the first of: the response body closed (the
 * response is complete), the handler returning, the handler throwing. The outcome decides {@code code}:
 * <ul>
 *   <li>response closed, or headers sent and the handler returned: the status sent, as text;</li>
 *   <li>writing the response failed after the headers went out (the client went away):
 *       {@value HttpServerMetrics#CLIENT_CLOSED};</li>
 *   <li>the handler threw, or returned without sending headers: {@value HttpServerMetrics#NO_RESPONSE}.</li>
 * </ul>
 */
final class ExchangeTracker {

    private final HttpServerMetrics metrics;
    private final HttpExchange exchange;
    private final String method;
    private final RouteTemplate template;
    private final long start = System.nanoTime();
    private final AtomicBoolean recorded = new AtomicBoolean();
    private volatile long bytes;
    private volatile boolean clientGone;

    ExchangeTracker(HttpServerMetrics metrics, HttpExchange exchange, RouteTemplate template) {
        this.metrics = metrics;
        this.exchange = exchange;
        this.method = HttpMethods.normalise(exchange.getRequestMethod());
        this.template = template;
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
        boolean bodyless = "HEAD".equals(exchange.getRequestMethod()) || status < 200 || status == 204 || status == 304;
        long declared = bodyless ? 0 : declaredLength();
        boolean handlerBroke = declared >= 0 && (bytes + attempted > declared || (closing && bytes < declared));
        if (!handlerBroke) {
            clientGone = true;
        }
    }

    void responseClosed() {
        record(exchange.getResponseCode());
    }

    void handlerReturned() {
        if (recorded.get()) {
            return;
        }
        int status = exchange.getResponseCode();
        if (status < 0 && !clientGone) {
            metrics.warnNoResponse(method, exchange.getRequestURI().getPath());
        }
        record(status);
    }

    void handlerThrew(Throwable error) {
        metrics.countException(error);
        record(-1);
    }

    private void record(int status) {
        if (!recorded.compareAndSet(false, true)) {
            return;
        }
        String code = clientGone ? HttpServerMetrics.CLIENT_CLOSED
                : status < 0 ? HttpServerMetrics.NO_RESPONSE : Integer.toString(status);
        int effective = clientGone ? 499 : status < 0 ? 500 : status;
        String route = metrics.routes().label(template, exchange.getHttpContext().getPath(), effective);
        metrics.record(method, route, code, (System.nanoTime() - start) / 1e9, bytes);
    }

    private long declaredLength() {
        String header = exchange.getResponseHeaders().getFirst("Content-length");
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
