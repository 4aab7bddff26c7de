package dev.lucidmetrics.demo.support;

import dev.lucidmetrics.testing.Poll;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A graceful stop begun on another thread while the test holds a request in flight:
 * <pre>{@code
 * StopInFlight stopping = StopInFlight.begin("iotd", app.server().port(), app::stop); // listener closed by now
 * release.countDown();                                            // let the held request finish
 * assertEquals(200, inFlight.get(5, TimeUnit.SECONDS).statusCode());
 * assertTrue(stopping.awaitStopped(Duration.ofSeconds(5)).toMillis() < 5000);
 * }</pre>
 */
public final class StopInFlight {

    private final long startNanos;
    private final CompletableFuture<Void> stopping;

    private StopInFlight(long startNanos, CompletableFuture<Void> stopping) {
        this.startNanos = startNanos;
        this.stopping = stopping;
    }

    /** Runs {@code stop} on another thread and waits (at most 5 s) until {@code port} refuses connections. */
    public static StopInFlight begin(String server, int port, Runnable stop) {
        long start = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(stop);
        Poll.until(server + " to stop accepting", Duration.ofSeconds(5), () -> !accepts(port));
        return new StopInFlight(start, stopping);
    }

    /** Waits for {@code stop} to return (throws TimeoutException after {@code within}); the time since begin. */
    public Duration awaitStopped(Duration within) throws InterruptedException, ExecutionException, TimeoutException {
        stopping.get(within.toMillis(), TimeUnit.MILLISECONDS);
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Whether something accepts TCP connections on {@code localhost:port}. */
    public static boolean accepts(int port) {
        try (Socket s = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
