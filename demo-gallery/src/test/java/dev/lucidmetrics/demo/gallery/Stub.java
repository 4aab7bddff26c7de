package dev.lucidmetrics.demo.gallery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in peer on loopback: answers one status and body, records request bodies and traceparent headers, can
 * hold answers on a latch.
 */
final class Stub implements AutoCloseable {

    final List<String> bodies = new CopyOnWriteArrayList<>();
    /** The traceparent header of each request, in order ("" when it had none). */
    final List<String> traceparents = new CopyOnWriteArrayList<>();
    final CountDownLatch received = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    /** Answers sent so far. */
    final AtomicInteger answered = new AtomicInteger();
    volatile int status;
    volatile String body;
    volatile boolean hold;
    private final HttpServer server;

    /** The client end of each connection a request came on. */
    final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

    Stub(String path, int status, String body) {
        this(path, status, body, new InetSocketAddress("localhost", 0));
    }

    /** A stub on {@code bind}: another loopback address (127.0.0.2) with the same port stands for another replica. */
    Stub(String path, int status, String body, InetSocketAddress bind) {
        this.status = status;
        this.body = body;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(path, ex -> {
            connections.add(ex.getRemoteAddress());
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String traceparent = ex.getRequestHeaders().getFirst("traceparent");
            traceparents.add(traceparent == null ? "" : traceparent);
            received.countDown();
            if (hold) {
                try {
                    release.await(60, TimeUnit.SECONDS);   // past any client timeout: a hang guard
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(this.status, bytes.length == 0 ? -1 : bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
            answered.incrementAndGet();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** A URL on a port nothing listens on (bound, then released). */
    static String deadUrl(String path) {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://localhost:" + s.getLocalPort() + path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
