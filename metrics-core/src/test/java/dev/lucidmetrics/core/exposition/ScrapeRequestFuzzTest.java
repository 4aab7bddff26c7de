package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.spi.ExpositionFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.BoundedFuzzTest;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.InMemoryExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Hostile scrapes: any {@code name[]} query string (raw, with or without valid % escapes), any {@code Accept} and
 * {@code Accept-Encoding}, GET, HEAD or another method, through {@link MetricsHandler}. The answer is below 500; a
 * 200 carries one of the two exposition content types and a body in it (gzip when announced), OpenMetrics ending
 * in {@code # EOF}; a query {@link ScrapeRequest} refuses is a 400 quoting it.
 */
@CompatibilityKit
class ScrapeRequestFuzzTest {

    private static final AppMetrics APP = Fixtures.smallApp();
    private static final MetricsHandler HANDLER = MetricsHandler.builder(APP).build();
    private static final MetricsHandler WITH_CREATED = MetricsHandler.builder(APP).createdSeries(true).build();
    private static final Set<String> CONTENT_TYPES = Set.of(ExpositionFormat.TEXT.contentType(),
            ExpositionFormat.OPENMETRICS.contentType());

    @BoundedFuzzTest
    void everyScrapeIsAnsweredBelow500WithAnExpositionContentType(FuzzedDataProvider data) throws IOException {
        String method = switch (data.consumeInt(0, 3)) {
            case 0, 1 -> "GET";
            case 2 -> "HEAD";
            default -> data.consumeString(8);
        };
        MetricsHandler handler = data.consumeBoolean() ? HANDLER : WITH_CREATED;
        String accept = data.consumeBoolean() ? null : headerValue(data.consumeString(120));
        int encodings = data.consumeInt(0, 2);
        String[] acceptEncoding = new String[encodings];
        for (int i = 0; i < encodings; i++) {
            acceptEncoding[i] = headerValue(data.consumeString(60));
        }
        String query = data.consumeRemainingAsString();

        refusedByScrapeRequest(query);   // the raw text as such, whatever a URI makes of it
        URI uri = uri(query);
        boolean refused = refusedByScrapeRequest(uri.getRawQuery());
        InMemoryExchange exchange = new InMemoryExchange(method, uri, "/metrics");
        if (accept != null) {
            exchange.getRequestHeaders().add("Accept", accept);
        }
        for (String e : acceptEncoding) {
            exchange.getRequestHeaders().add("Accept-Encoding", e);
        }
        handler.handle(exchange);

        int status = exchange.status();
        assertTrue(status >= 200 && status < 500, "status " + status + " for " + method + " " + uri);
        assertTrue(exchange.closed(), "the exchange was left open");
        if (status != 200) {
            return;
        }
        String contentType = exchange.getResponseHeaders().getFirst("Content-Type");
        assertTrue(CONTENT_TYPES.contains(contentType), "Content-Type " + contentType + " for Accept " + accept);
        if (method.equals("HEAD")) {
            assertEquals(0, exchange.body().length, "HEAD has no body");
            return;
        }
        String text = text(exchange);
        if (contentType.equals(ExpositionFormat.OPENMETRICS.contentType())) {
            assertTrue(text.endsWith("# EOF\n"), "OpenMetrics without # EOF: " + text);
        }
        assertTrue(!refused, "200 for a query ScrapeRequest refuses: " + uri);
    }

    /** ScrapeRequest on the raw text itself: it reads the names, or refuses with a message quoting the parameter. */
    private static boolean refusedByScrapeRequest(String query) {
        try {
            ScrapeRequest.names(query);
            return false;
        } catch (IllegalArgumentException e) {
            if (!String.valueOf(e.getMessage()).startsWith("Malformed query parameter \"")) {
                fail("unexpected message: " + e.getMessage(), e);
            }
            return true;
        }
    }

    /** The query as sent when it is a valid URI query, else as a client library would escape it. */
    private static URI uri(String query) {
        try {
            return new URI("/metrics?" + query);
        } catch (URISyntaxException e) {
            try {
                return new URI(null, null, "/metrics", query, null);
            } catch (URISyntaxException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** A header value as a server can deliver one: no line breaks. */
    /**
     * A header value as the JDK server hands it over from the wire: bytes read as ISO-8859-1 (no character above
     * 255; JDK 25's {@code Headers} refuses them) and no line breaks.
     */
    private static String headerValue(String s) {
        StringBuilder value = new StringBuilder(s.length());
        s.chars().map(c -> c & 0xFF).map(c -> c == '\r' || c == '\n' ? ' ' : c).forEach(c -> value.append((char) c));
        return value.toString();
    }

    private static String text(InMemoryExchange exchange) throws IOException {
        byte[] body = exchange.body();
        if ("gzip".equals(exchange.getResponseHeaders().getFirst("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
