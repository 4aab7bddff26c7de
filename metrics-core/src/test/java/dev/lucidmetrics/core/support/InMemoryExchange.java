package dev.lucidmetrics.core.support;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * An exchange with any method, URI and headers, without a socket, over HTTP or HTTPS ({@link #https}): for fuzz
 * tests that hand a handler or filter requests the JDK's parser would refuse or that cost a connection each, and
 * for what a wrapper must keep of an exchange. The response is kept for reading back;
 * {@link #setStreams} is honoured, as filters that wrap the body rely on it.
 */
public final class InMemoryExchange extends HttpExchange {

    private final String method;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Context context;
    private InputStream in = new ByteArrayInputStream(new byte[0]);
    private OutputStream out = body;
    private int status = -1;
    private boolean closed;

    /** {@code contextPath} is the path of the {@link HttpContext} the request is served by, such as "/". */
    public InMemoryExchange(String method, URI uri, String contextPath) {
        this.method = method;
        this.uri = uri;
        this.context = new Context(contextPath);
    }

    /** The same exchange over HTTPS (no TLS session), for what code must keep of an {@link HttpsExchange}. */
    public static HttpsExchange https(String method, URI uri, String contextPath) {
        return new Https(new InMemoryExchange(method, uri, contextPath));
    }

    /** The status sent, or -1. */
    public int status() {
        return status;
    }

    /** The bytes written to the response body. */
    public byte[] body() {
        return body.toByteArray();
    }

    public boolean closed() {
        return closed;
    }

    @Override public Headers getRequestHeaders() { return requestHeaders; }
    @Override public Headers getResponseHeaders() { return responseHeaders; }
    @Override public URI getRequestURI() { return uri; }
    @Override public String getRequestMethod() { return method; }
    @Override public HttpContext getHttpContext() { return context; }
    @Override public void close() { closed = true; }
    @Override public InputStream getRequestBody() { return in; }
    @Override public OutputStream getResponseBody() { return out; }
    @Override public int getResponseCode() { return status; }
    @Override public InetSocketAddress getRemoteAddress() { return new InetSocketAddress("127.0.0.1", 40000); }
    @Override public InetSocketAddress getLocalAddress() { return new InetSocketAddress("127.0.0.1", 8080); }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
    @Override public HttpPrincipal getPrincipal() { return null; }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
        if (status >= 0) {
            throw new IllegalStateException("headers already sent");
        }
        status = rCode;
        if (responseLength > 0) {
            responseHeaders.set("Content-length", Long.toString(responseLength));
        }
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            in = i;
        }
        if (o != null) {
            out = o;
        }
    }

    private static final class Https extends HttpsExchange {
        private final InMemoryExchange plain;

        Https(InMemoryExchange plain) {
            this.plain = plain;
        }

        @Override public SSLSession getSSLSession() { return null; }
        @Override public Headers getRequestHeaders() { return plain.getRequestHeaders(); }
        @Override public Headers getResponseHeaders() { return plain.getResponseHeaders(); }
        @Override public URI getRequestURI() { return plain.getRequestURI(); }
        @Override public String getRequestMethod() { return plain.getRequestMethod(); }
        @Override public HttpContext getHttpContext() { return plain.getHttpContext(); }
        @Override public void close() { plain.close(); }
        @Override public InputStream getRequestBody() { return plain.getRequestBody(); }
        @Override public OutputStream getResponseBody() { return plain.getResponseBody(); }
        @Override public void sendResponseHeaders(int code, long length) { plain.sendResponseHeaders(code, length); }
        @Override public InetSocketAddress getRemoteAddress() { return plain.getRemoteAddress(); }
        @Override public int getResponseCode() { return plain.getResponseCode(); }
        @Override public InetSocketAddress getLocalAddress() { return plain.getLocalAddress(); }
        @Override public String getProtocol() { return plain.getProtocol(); }
        @Override public Object getAttribute(String name) { return plain.getAttribute(name); }
        @Override public void setAttribute(String name, Object value) { plain.setAttribute(name, value); }
        @Override public void setStreams(InputStream in, OutputStream out) { plain.setStreams(in, out); }
        @Override public HttpPrincipal getPrincipal() { return null; }
    }

    private static final class Context extends HttpContext {
        private final String path;
        private final List<Filter> filters = new ArrayList<>();

        Context(String path) {
            this.path = path;
        }

        @Override public HttpHandler getHandler() { return null; }
        @Override public void setHandler(HttpHandler h) { }
        @Override public String getPath() { return path; }
        @Override public HttpServer getServer() { return null; }
        @Override public Map<String, Object> getAttributes() { return Map.of(); }
        @Override public List<Filter> getFilters() { return filters; }
        @Override public Authenticator setAuthenticator(Authenticator auth) { return null; }
        @Override public Authenticator getAuthenticator() { return null; }
    }
}
