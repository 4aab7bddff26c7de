package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.spi.BackendRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPOutputStream;

/**
 * Renders one scrape with the backend's writer into a buffer of its own ({@link RenderBuffer}, released after the
 * response) and sends it: the negotiated Content-Type (with the {@code escaping} asked for), gzip when asked, nothing
 * but headers for HEAD.
 */
final class ScrapeResponse {

    private static final System.Logger LOG = System.getLogger(MetricsHandler.class.getName());

    private ScrapeResponse() {
    }

    /** @param renders turns for rendering, held while the scrape is rendered (not while it is sent); null: none */
    static void send(HttpExchange exchange, ScrapeRequest request, BackendRegistry registry, boolean createdSeries,
            Semaphore renders) throws IOException {
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        RenderBuffer body = null;
        if (!head) {
            try {
                body = renderInTurn(request, registry, createdSeries, renders);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Collecting metrics for " + exchange.getRequestURI().getPath()
                        + " failed", e);
                TextResponses.text(exchange, 500, "Collecting metrics failed; see the application log.\n");
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type",
                Escaping.contentType(request.format.contentType(), request.escaping));
        exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
        if (request.gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (head) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.size());
        try (OutputStream os = exchange.getResponseBody()) {
            body.writeTo(os);
        }
    }

    private static RenderBuffer renderInTurn(ScrapeRequest request, BackendRegistry registry,
            boolean createdSeries, Semaphore renders) throws IOException {
        if (renders == null) {
            return render(request, registry, createdSeries);
        }
        try {
            renders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // the response timeout or a stop: the connection closes
            throw new IOException("interrupted while waiting for a turn to render: closing the connection", e);
        }
        try {
            return render(request, registry, createdSeries);
        } finally {
            renders.release();
        }
    }

    private static RenderBuffer render(ScrapeRequest request, BackendRegistry registry,
            boolean createdSeries) throws IOException {
        RenderBuffer body = new RenderBuffer();
        try (OutputStream target = request.gzip ? new GZIPOutputStream(body, 8 * 1024) : body) {
            registry.scrape(request.format, new NameSelection(request.names, createdSeries), target);
        }
        return body;
    }
}
