package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSession;

/** An HTTPS exchange with attributes and nothing else, for what a wrapper must keep of it. */
final class InMemoryHttpsExchange extends HttpsExchange {

    private final Map<String, Object> attributes = new HashMap<>();

    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
    @Override public SSLSession getSSLSession() { return null; }
    @Override public Headers getRequestHeaders() { return new Headers(); }
    @Override public Headers getResponseHeaders() { return new Headers(); }
    @Override public URI getRequestURI() { return URI.create("/"); }
    @Override public String getRequestMethod() { return "GET"; }
    @Override public HttpContext getHttpContext() { return null; }
    @Override public void close() { }
    @Override public InputStream getRequestBody() { return InputStream.nullInputStream(); }
    @Override public OutputStream getResponseBody() { return OutputStream.nullOutputStream(); }
    @Override public void sendResponseHeaders(int code, long length) { }
    @Override public InetSocketAddress getRemoteAddress() { return null; }
    @Override public int getResponseCode() { return -1; }
    @Override public InetSocketAddress getLocalAddress() { return null; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public void setStreams(InputStream in, OutputStream out) { }
    @Override public HttpPrincipal getPrincipal() { return null; }
}
