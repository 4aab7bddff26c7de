package dev.lucidmetrics.bench.library;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The library's own start-up and memory, apart from any demo: a hello-world JDK {@link HttpServer} on {@code PORT}
 * (env), {@code bare} or with what a plain-Java service adds — {@code AppMetrics}, JVM metrics, HTTP server metrics
 * on {@code /hello} and {@code /metrics} on the same server. Packaged alone as {@code bench-library-hello.jar};
 * bench/run-startup-library.sh runs both variants with the same class path (this jar and one backend's runtime
 * jars, so the backend is the only one found) and the same flags, alternating.
 * Usage: {@code PORT=24080 java -cp bench-library-hello.jar:LIB/* dev.lucidmetrics.bench.library.LibraryHello
 * bare|library}
 */
public final class LibraryHello {
    private static final byte[] BODY = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private LibraryHello() {
    }

    public static void main(String[] args) throws IOException {
        String port = System.getenv("PORT");
        if (args.length != 1 || !(args[0].equals("bare") || args[0].equals("library"))) {
            throw new IllegalArgumentException("usage: LibraryHello bare|library (got " + String.join(" ", args)
                    + ")");
        }
        if (port == null || !port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("PORT is \"" + port + "\": set it to the port to listen on, e.g."
                    + " PORT=24080.");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 256);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        HttpContext hello = server.createContext("/hello", exchange -> {
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, BODY.length);
                body.write(BODY);
            }
        });
        if (args[0].equals("library")) {
            AppMetrics app = AppMetrics.builder("hello").build();
            JvmMetrics.builder().register(app);
            HttpServerMetrics.builder(app).routes("/hello").register().instrument(hello);
            MetricsHandler.builder(app).path("/metrics").build().mount(server);
        }
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
        }));
        System.out.println("LibraryHello " + args[0] + " listening on " + server.getAddress());
    }
}
