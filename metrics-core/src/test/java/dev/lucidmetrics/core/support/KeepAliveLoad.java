package dev.lucidmetrics.core.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keep-alive clients ({@link RawHttp}) that each send {@code GET path} back to back on one connection until it is
 * refused, for the tests of a graceful stop: what was sent before the stop must be answered, what came after
 * refused, never reset.
 * <pre>{@code
 * KeepAliveLoad load = KeepAliveLoad.start(port, "/", 16, threads);
 * load.awaitSending(HANG_GUARD);              // each client has had 20 answers
 * long stop = System.nanoTime(); server.stop();
 * load.split(stop, HANG_GUARD).assertAnsweredThenRefused(16);   // 200s before, a refusal per client after
 * }</pre>
 */
public final class KeepAliveLoad {

    /** Outcomes by kind, of the requests whose bytes were written before the instant, and of the others. */
    public record Split(Map<String, Integer> before, Map<String, Integer> after) {

        /**
         * Fails unless every request sent before the instant got a whole 200, and every request after it a 200, a
         * refused connection (once per client, at its end) or a connection closed before a byte of an answer — what
         * a request on an idle keep-alive connection meets in the stop's last instant, and what HTTP/1.1 clients
         * retry (RFC 9112, 9.3.1). Never a reset, never a response cut short.
         */
        public void assertAnsweredThenRefused(int clients) {
            assertEquals(Map.of("200", before.getOrDefault("200", 0)), before, "sent before the stop: " + before);
            Map<String, Integer> later = new TreeMap<>(after);
            later.remove("200");
            later.remove("closed");
            assertEquals(Map.of("refused", clients), later, "sent after the stop: " + after);
        }
    }

    private final int clients;
    private final CountDownLatch sending;
    private final List<CompletableFuture<List<RawHttp.Outcome>>> running;

    private KeepAliveLoad(int clients, CountDownLatch sending, List<CompletableFuture<List<RawHttp.Outcome>>> running) {
        this.clients = clients;
        this.sending = sending;
        this.running = running;
    }

    /** Starts {@code clients} clients on {@code threads} (one thread each: a blocked client must not hold another). */
    public static KeepAliveLoad start(int port, String path, int clients, ExecutorService threads) {
        CountDownLatch sending = new CountDownLatch(clients);
        List<CompletableFuture<List<RawHttp.Outcome>>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(CompletableFuture.supplyAsync(() -> {
                List<RawHttp.Outcome> mine = new ArrayList<>();
                try (RawHttp c = new RawHttp(port)) {
                    for (RawHttp.Outcome o = c.get(path); ; o = c.get(path)) {
                        mine.add(o);
                        if (mine.size() == 20) {
                            sending.countDown();
                        }
                        if (o.outcome().equals("refused") || mine.size() > 1_000_000) {
                            return mine;
                        }
                    }
                }
            }, threads));
        }
        return new KeepAliveLoad(clients, sending, running);
    }

    /** Waits until every client has had 20 answers; fails after {@code hangGuard}. */
    public void awaitSending(Duration hangGuard) throws InterruptedException {
        assertTrue(sending.await(hangGuard.toMillis(), TimeUnit.MILLISECONDS), "the clients did not get going");
    }

    /** Waits for every client to be refused, and splits what they saw at {@code nanos} ({@link System#nanoTime}). */
    public Split split(long nanos, Duration hangGuard)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Integer> before = new TreeMap<>();
        Map<String, Integer> after = new TreeMap<>();
        for (CompletableFuture<List<RawHttp.Outcome>> f : running) {
            for (RawHttp.Outcome o : f.get(hangGuard.toMillis(), TimeUnit.MILLISECONDS)) {
                boolean sentBefore = o.sentNanos() != 0 && o.sentNanos() - nanos < 0;
                (sentBefore ? before : after).merge(o.outcome(), 1, Integer::sum);
            }
        }
        return new Split(before, after);
    }

    /** The number of clients. */
    public int clients() {
        return clients;
    }
}
