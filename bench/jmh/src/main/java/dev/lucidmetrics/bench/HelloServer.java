package dev.lucidmetrics.bench;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.exposition.ServerExecutors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Question 3: a hello-world JDK {@link HttpServer}, bare or with the library's {@link HttpServerMetrics} filter
 * (plus a /metrics endpoint nobody scrapes during the run), on 4 platform worker threads or on one virtual thread
 * per exchange (Java 21+, the executor the demos' {@code HTTP_VIRTUAL_THREADS=true} picks). bench/run.sh drives the
 * variants with wrk, alternating.
 * Usage: {@code java -cp benchmarks.jar dev.lucidmetrics.bench.HelloServer bare|instrumented PORT [platform|virtual]}
 */
public final class HelloServer {
    private static final byte[] BODY = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);

    private HelloServer() {
    }

    public static void main(String[] args) throws IOException {
        String threads = args.length == 3 ? args[2] : "platform";
        if (args.length < 2 || args.length > 3 || !(args[0].equals("bare") || args[0].equals("instrumented"))
                || !(threads.equals("platform") || threads.equals("virtual"))) {
            throw new IllegalArgumentException("usage: HelloServer bare|instrumented PORT [platform|virtual]");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 256);
        ExecutorService pool = threads.equals("virtual")
                ? ServerExecutors.virtualThreadPerTask("HelloServer virtual")
                : Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        HttpContext hello = server.createContext("/hello", exchange -> {
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, BODY.length);
                body.write(BODY);
            }
        });
        if (args[0].equals("instrumented")) {
            AppMetrics app = AppMetrics.builder("hello").backend("simpleclient").build();
            HttpServerMetrics.builder(app).routes("/hello").register().instrument(hello);
            MetricsHandler.builder(app).path("/metrics").build().mount(server);
        }
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
        }));
        System.out.println("HelloServer " + args[0] + " (" + threads + " threads) listening on " + server.getAddress());
    }
}
