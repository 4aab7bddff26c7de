package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The exchange the metrics filter hands down its chain: everything is the JDK's exchange, except that attributes
 * set on it belong to this exchange alone ({@link ExchangeAttributes}) — the router's
 * {@value HttpServerMetrics#ROUTE_ATTRIBUTE}, and anything a handler keeps for {@code traceIdsFrom(...)}. The JDK's
 * own exchange attributes are its {@code HttpContext}'s, shared by every exchange of the context (JDK bug
 * 7105350). {@link #wrap} keeps HTTPS exchanges HTTPS.
 */
final class RoutedExchange extends HttpExchange {

    private final HttpExchange jdk;
    private final ExchangeAttributes attributes;

    private RoutedExchange(HttpExchange jdk) {
        this.jdk = jdk;
        this.attributes = new ExchangeAttributes(jdk);
    }

    /** {@code exchange} with a route attribute of its own; an exchange that already has one is returned as is. */
    static HttpExchange wrap(HttpExchange exchange) {
        if (exchange instanceof RoutedExchange || exchange instanceof RoutedHttpsExchange) {
            return exchange;
        }
        return exchange instanceof HttpsExchange https ? new RoutedHttpsExchange(https) : new RoutedExchange(exchange);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.set(name, value);
    }

    @Override public Headers getRequestHeaders() { return jdk.getRequestHeaders(); }
    @Override public Headers getResponseHeaders() { return jdk.getResponseHeaders(); }
    @Override public URI getRequestURI() { return jdk.getRequestURI(); }
    @Override public String getRequestMethod() { return jdk.getRequestMethod(); }
    @Override public HttpContext getHttpContext() { return jdk.getHttpContext(); }
    @Override public void close() { jdk.close(); }
    @Override public InputStream getRequestBody() { return jdk.getRequestBody(); }
    @Override public OutputStream getResponseBody() { return jdk.getResponseBody(); }
    @Override public void sendResponseHeaders(int code, long length) throws IOException {
        jdk.sendResponseHeaders(code, length);
    }
    @Override public InetSocketAddress getRemoteAddress() { return jdk.getRemoteAddress(); }
    @Override public int getResponseCode() { return jdk.getResponseCode(); }
    @Override public InetSocketAddress getLocalAddress() { return jdk.getLocalAddress(); }
    @Override public String getProtocol() { return jdk.getProtocol(); }
    @Override public void setStreams(InputStream in, OutputStream out) { jdk.setStreams(in, out); }
    @Override public HttpPrincipal getPrincipal() { return jdk.getPrincipal(); }
}
