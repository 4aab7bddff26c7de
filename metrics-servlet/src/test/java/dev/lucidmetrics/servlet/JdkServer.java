package dev.lucidmetrics.servlet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK's {@code com.sun.net.httpserver} with the library's own filter ({@code HttpServerMetrics.instrument}). */
final class JdkServer implements RunningServer {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    JdkServer(HttpServerMetrics http, TestApp app) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        http.instrument(server.createContext("/", exchange -> {
            try {
                app.handle(new Call(exchange));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }));
        server.start();
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Call(HttpExchange exchange) implements TestApp.Call {
        @Override
        public String path() {
            return exchange.getRequestURI().getPath();
        }

        @Override
        public void route(String template) {
            exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, template);
        }

        @Override
        public void respond(int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            boolean empty = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!empty) {
                    out.write(bytes);
                }
            }
        }
    }
}
