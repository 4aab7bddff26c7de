package dev.lucidmetrics.bench.floor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JVM floor for start-up and memory: a hello-world JDK {@link HttpServer} on {@code PORT} (env), nothing but the
 * JDK, packaged alone as {@code bench/jmh/target/bench-floor.jar} so its class path is as small as an app's can be.
 * Usage: {@code PORT=24080 java -jar bench-floor.jar}, then {@code GET /hello}.
 */
public final class Floor {
    private static final byte[] BODY = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        String port = System.getenv("PORT");
        if (port == null || !port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("PORT is \"" + port + "\": set it to the port to listen on, e.g."
                    + " PORT=24080.");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 256);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/hello", exchange -> {
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, BODY.length);
                body.write(BODY);
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
        }));
        System.out.println("Floor listening on " + server.getAddress());
    }
}
