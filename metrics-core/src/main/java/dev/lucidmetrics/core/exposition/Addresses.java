package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/** The URL a path on a server answers at: the server's scheme, its bound address ({@code localhost} for a wildcard). */
final class Addresses {

    private Addresses() {
    }

    static URI url(HttpServer server, String path) {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress() == null || bound.getAddress().isAnyLocalAddress() ? "localhost"
                : bound.getAddress().getHostAddress();
        String scheme = server instanceof HttpsServer ? "https" : "http";
        try {
            return new URI(scheme, null, host, bound.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The path rule admits only URI paths; \"" + path + "\" is none", e);
        }
    }
}
