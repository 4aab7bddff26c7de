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
 * assertEquals(200, inFlight.get(...).statusCode());              // it was answered
 * stopping.awaitStopped();                                        // and the stop returned
 * }</pre>
 */
public final class StopInFlight {

    /**
     * How long a stop may take before a test calls it hung: ten times the longest grace the tests give (5 s). A
     * bound on hanging, not a speed: a stop that ends within the grace is what the reliability run measures.
     */
    public static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final CompletableFuture<Void> stopping;

    private StopInFlight(CompletableFuture<Void> stopping) {
        this.stopping = stopping;
    }

    /** Runs {@code stop} on another thread and waits until {@code port} refuses connections. */
    public static StopInFlight begin(String server, int port, Runnable stop) {
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(stop);
        Poll.until(server + " to stop accepting", HANG_GUARD, () -> !accepts(port));
        return new StopInFlight(stopping);
    }

    /** Waits for {@code stop} to return; fails after {@link #HANG_GUARD}. */
    public void awaitStopped() throws InterruptedException, ExecutionException, TimeoutException {
        stopping.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
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
