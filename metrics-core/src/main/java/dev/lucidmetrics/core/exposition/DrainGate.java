package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts exchanges being served so that closing can wait for them; once closing, new ones get 503. The server is
 * stopped while no exchange can start and none is half answered, so that stopping never cuts a response short.
 */
final class DrainGate extends Filter {

    private int running;
    private boolean closing;
    /** 503s being written; only falls while {@link #closeAndStop} holds the gate. */
    private final AtomicInteger refusing = new AtomicInteger();

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        boolean admitted;
        synchronized (this) {
            admitted = !closing;
            if (admitted) {
                running++;
            } else {
                refusing.incrementAndGet();
            }
        }
        if (!admitted) {
            refuse(exchange);
            return;
        }
        try {
            chain.doFilter(exchange);
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    private void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Connection", "close");
            TextResponses.text(exchange, 503, "Shutting down.\n");
        } finally {
            refusing.decrementAndGet();
        }
    }

    /**
     * Refuses new exchanges and waits up to {@code grace} for running ones, then, holding the gate so that no
     * exchange can start (one that arrives waits here and finds its connection closed, without a byte of a
     * response), lets the 503s being written finish and runs {@code stop}.
     */
    synchronized void closeAndStop(Duration grace, Runnable stop) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (running > 0 && deadline - System.nanoTime() > 0) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            while (refusing.get() > 0 && deadline - System.nanoTime() > 0) {
                LockSupport.parkNanos(100_000);
            }
        } finally {
            stop.run();
        }
    }

    @Override
    public String description() {
        return "counts running exchanges for a graceful close";
    }
}
