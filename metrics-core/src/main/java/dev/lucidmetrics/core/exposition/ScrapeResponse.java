package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Renders one scrape with simpleclient's writers into a buffer of its own (released after the response) and sends
 * it: the negotiated Content-Type, gzip when asked, nothing but headers for HEAD.
 */
final class ScrapeResponse {

    private static final System.Logger LOG = System.getLogger(MetricsHandler.class.getName());

    private ScrapeResponse() {
    }

    static void send(HttpExchange exchange, ScrapeRequest request, CollectorRegistry registry, boolean createdSeries)
            throws IOException {
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        ByteArrayOutputStream body = null;
        if (!head) {
            try {
                body = render(request, registry, createdSeries);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Collecting metrics for " + exchange.getRequestURI().getPath()
                        + " failed", e);
                TextResponses.text(exchange, 500, "Collecting metrics failed; see the application log.\n");
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", request.contentType);
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

    private static ByteArrayOutputStream render(ScrapeRequest request, CollectorRegistry registry,
            boolean createdSeries) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        OutputStream target = request.gzip ? new GZIPOutputStream(body, 8 * 1024) : body;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8))) {
            TextFormat.writeFormat(request.contentType, writer,
                    new FamilyFilter(request.names, createdSeries).collect(registry));
        }
        return body;
    }
}
