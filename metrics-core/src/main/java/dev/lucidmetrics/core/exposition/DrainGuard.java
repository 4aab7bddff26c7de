package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The guard request of a {@link GracefulStop}: a request from the server to itself whose response headers are sent
 * and whose body is held back, its thread free. The JDK server ends its stop as soon as its count of open
 * exchanges touches zero, a count that leaves out requests queued for a thread and the next request of an idle
 * keep-alive connection, whose connections it then closes under them; while the guard is open the count cannot
 * touch zero. {@link #release} completes it.
 */
final class DrainGuard {

    /** The context of the guard; any other request there gets 404 (it is not one of the app's contexts). */
    static final String CONTEXT = "/.lucid-graceful-stop";

    private final CountDownLatch running = new CountDownLatch(1);
    private final String path = CONTEXT + "/" + UUID.randomUUID();
    private volatile boolean armed;
    private HttpExchange exchange;  // guarded by this
    private boolean released;  // guarded by this

    /** The handler of {@link #CONTEXT}: the guard's headers, its body of one byte only when released. */
    HttpHandler handler() {
        return ex -> {
            if (!armed || !path.equals(ex.getRequestURI().getPath())) {
                TextResponses.text(ex, 404, "Not found.\n");
                ex.close();
                return;
            }
            ex.getResponseHeaders().set("Connection", "close");
            ex.sendResponseHeaders(200, 1);
            synchronized (this) {
                exchange = ex;
                if (released) {
                    finish(ex);
                }
            }
            running.countDown();
        };
    }

    /** Connects to the server and sends the guard request; null when it cannot. */
    Socket start(InetSocketAddress address, Duration grace) {
        armed = true;
        Socket s = new Socket();
        try {
            s.setSoTimeout((int) Math.max(1, grace.toMillis()));
            s.connect(address, (int) Math.max(1, grace.toMillis()));
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return s;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // it did not connect
            }
            return null;
        }
    }

    /** Whether the guard's handler ran within {@code atMost} (and before {@code deadline}). */
    boolean awaitRunning(long deadline, Duration atMost) throws InterruptedException {
        long wait = Math.min(atMost.toNanos(), Math.max(0, deadline - System.nanoTime()));
        return running.await(wait, TimeUnit.NANOSECONDS);
    }

    /** No guard will be used: a guard request that starts late answers 404 and holds nothing up. */
    void disarm() {
        armed = false;
        release();
    }

    /** Completes the guard's response (now or as soon as it arrives), which lets the JDK server finish. */
    synchronized void release() {
        released = true;
        if (exchange != null) {
            finish(exchange);
        }
    }

    /** Reads the guard's response to its end, within {@code atMost}: the server has let it go. */
    static void awaitEnd(Socket guard, Duration atMost) {
        try {
            guard.setSoTimeout((int) Math.max(1, atMost.toMillis()));
            guard.getInputStream().readAllBytes();
        } catch (IOException e) {
            // the server closed it: what the stop wanted
        }
    }

    private static void finish(HttpExchange ex) {
        try (OutputStream body = ex.getResponseBody()) {
            body.write('\n');
        } catch (IOException e) {
            // the server closed it already
        } finally {
            ex.close();
        }
    }
}
