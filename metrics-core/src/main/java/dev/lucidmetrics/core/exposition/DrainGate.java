package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;

/** Counts exchanges being served so that closing can wait for them; once closing, new ones get 503. */
final class DrainGate extends Filter {

    private int running;
    private boolean closing;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        boolean admitted;
        synchronized (this) {
            admitted = !closing;
            if (admitted) {
                running++;
            }
        }
        if (!admitted) {
            try (exchange) {
                exchange.getResponseHeaders().set("Connection", "close");
                TextResponses.text(exchange, 503, "Shutting down.\n");
            }
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

    /** Refuses new exchanges and waits up to {@code grace} for running ones; true when none is left. */
    synchronized boolean closeAndAwait(Duration grace) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public String description() {
        return "counts running exchanges for a graceful close";
    }
}
