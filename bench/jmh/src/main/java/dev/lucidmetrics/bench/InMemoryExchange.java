package dev.lucidmetrics.bench;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GET exchange whose response body is counted and dropped, so a scrape benchmark runs a handler's whole code
 * (rendering, gzip, headers) without a socket or a client adding their own cost and allocation.
 */
final class InMemoryExchange extends HttpExchange {
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final CountingStream body;
    private final Context context;
    private int status = -1;

    InMemoryExchange(String path, boolean gzip) {
        this(path, gzip, false);
    }

    InMemoryExchange(String path, boolean gzip, boolean keep) {
        this(path, "text/plain", gzip, keep);
    }

    /** Asks for {@code accept}; with {@code keep}, the body is also kept for {@link #body()}. */
    InMemoryExchange(String path, String accept, boolean gzip, boolean keep) {
        this.body = new CountingStream(keep ? new java.io.ByteArrayOutputStream() : null);
        this.uri = URI.create(path);
        this.context = new Context(path);
        requestHeaders.set("Accept", accept);
        if (gzip) {
            requestHeaders.set("Accept-Encoding", "gzip");
        }
    }

    /** Bytes written to the response body. */
    long bytes() {
        return body.count;
    }

    /** The body as written (only when constructed with {@code keep}). */
    byte[] body() {
        return body.copy.toByteArray();
    }

    @Override public Headers getRequestHeaders() { return requestHeaders; }
    @Override public Headers getResponseHeaders() { return responseHeaders; }
    @Override public URI getRequestURI() { return uri; }
    @Override public String getRequestMethod() { return "GET"; }
    @Override public HttpContext getHttpContext() { return context; }
    @Override public void close() { }
    @Override public InputStream getRequestBody() { return new ByteArrayInputStream(new byte[0]); }
    @Override public OutputStream getResponseBody() { return body; }
    @Override public void sendResponseHeaders(int rCode, long responseLength) { status = rCode; }
    @Override public InetSocketAddress getRemoteAddress() { return new InetSocketAddress("127.0.0.1", 40000); }
    @Override public int getResponseCode() { return status; }
    @Override public InetSocketAddress getLocalAddress() { return new InetSocketAddress("127.0.0.1", 9400); }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public Object getAttribute(String name) { return null; }
    @Override public void setAttribute(String name, Object value) { }
    @Override public void setStreams(InputStream i, OutputStream o) { }
    @Override public HttpPrincipal getPrincipal() { return null; }

    private static final class CountingStream extends OutputStream {
        final java.io.ByteArrayOutputStream copy;
        long count;

        CountingStream(java.io.ByteArrayOutputStream copy) {
            this.copy = copy;
        }

        @Override public void write(int b) {
            count++;
            if (copy != null) {
                copy.write(b);
            }
        }

        @Override public void write(byte[] b, int off, int len) {
            count += len;
            if (copy != null) {
                copy.write(b, off, len);
            }
        }
    }

    private static final class Context extends HttpContext {
        private final String path;
        private final Map<String, Object> attributes = new HashMap<>();
        private final List<Filter> filters = new ArrayList<>();

        Context(String path) {
            this.path = path;
        }

        @Override public HttpHandler getHandler() { return null; }
        @Override public void setHandler(HttpHandler handler) { }
        @Override public String getPath() { return path; }
        @Override public HttpServer getServer() { return null; }
        @Override public Map<String, Object> getAttributes() { return attributes; }
        @Override public List<Filter> getFilters() { return filters; }
        @Override public Authenticator setAuthenticator(Authenticator auth) { return null; }
        @Override public Authenticator getAuthenticator() { return null; }
    }
}
