package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.net.ssl.SSLSession;

/** {@link RoutedExchange} for an HTTPS exchange, so handlers still see an {@link HttpsExchange}. */
final class RoutedHttpsExchange extends HttpsExchange {

    private final HttpsExchange jdk;
    private final ExchangeAttributes attributes;

    RoutedHttpsExchange(HttpsExchange jdk) {
        this.jdk = jdk;
        this.attributes = new ExchangeAttributes(jdk);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.set(name, value);
    }

    @Override public SSLSession getSSLSession() { return jdk.getSSLSession(); }
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
