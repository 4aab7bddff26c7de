package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.RawHttp;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Closing a metrics server under clients that keep sending: refusals are whole, never a response cut short. Each round
 * holds a scrape open while the server closes, so the close is waiting for it (it waits only for running exchanges)
 * and the clients' requests meet the refusal, not a timing that may or may not give them one.
 */
@CompatibilityKit
class MetricsServerCloseTest {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 20;

    @Test
    void closingUnderKeepAliveClientsNeverCutsAResponseShort() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        Map<String, Integer> outcomes = new TreeMap<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                closeUnderLoad(threads).forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(outcomes.getOrDefault("503", 0) > 0, "no client was refused while closing: " + outcomes);
        assertEquals(0, outcomes.getOrDefault("cut", 0), "responses cut short: " + outcomes);
        assertEquals(0, outcomes.getOrDefault("timeout", 0), "requests neither answered nor closed within "
                + RawHttp.TIMEOUT.toSeconds() + " s (a hang): " + outcomes);
    }

    /**
     * Clients sending to a path the server answers 404 (503 once closing) until the connection is refused; the
     * server's executor has fewer threads than there are clients, so requests are always queued when it closes. A
     * scrape held open by a blocking gauge keeps the close waiting until a client has been refused, then finishes
     * whole.
     */
    private static Map<String, Integer> closeUnderLoad(ExecutorService threads) throws Exception {
        AppMetrics app = AppMetrics.builder("closing").build();
        CountDownLatch scraping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Fixtures.blocking(app, scraping, release);
        ExecutorService four = Executors.newFixedThreadPool(CLIENTS / 2);
        MetricsServer server = MetricsServer.builder(app).host("127.0.0.1").port(0).executor(four).start();
        int port = server.port();
        CountDownLatch sending = new CountDownLatch(CLIENTS);
        CountDownLatch refused = new CountDownLatch(1);
        List<CompletableFuture<Map<String, Integer>>> clients = IntStream.range(0, CLIENTS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> sendUntilRefused(port, sending, refused), threads))
                .toList();
        assertTrue(sending.await(20, TimeUnit.SECONDS), "the clients did not get going");
        CompletableFuture<RawHttp.Outcome> scrape = CompletableFuture.supplyAsync(() -> {
            try (RawHttp client = new RawHttp(port)) {
                return client.get("/metrics");
            }
        }, threads);
        assertTrue(scraping.await(20, TimeUnit.SECONDS), "the scrape did not start");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, threads);
        boolean someRefused = refused.await(20, TimeUnit.SECONDS);
        release.countDown();
        closing.get(30, TimeUnit.SECONDS);
        four.shutdown();
        assertTrue(someRefused, "no client got a 503 while the close waited for a running scrape");
        assertEquals("200", scrape.get(30, TimeUnit.SECONDS).outcome(), "the running scrape was not answered whole");
        Map<String, Integer> all = new TreeMap<>();
        for (CompletableFuture<Map<String, Integer>> c : clients) {
            c.get(30, TimeUnit.SECONDS).forEach((k, v) -> all.merge(k, v, Integer::sum));
        }
        return all;
    }

    /**
     * Outcomes by kind: a status for a whole response, "cut" when the status line came but not the whole body,
     * "timeout" when nothing came and the connection stayed open (a hang, which used to pass as a close after
     * RawHttp's 20 s read timeout: the 22 s runs).
     */
    private static Map<String, Integer> sendUntilRefused(int port, CountDownLatch sending, CountDownLatch refused) {
        Map<String, Integer> seen = new TreeMap<>();
        int sent = 0;
        try (RawHttp client = new RawHttp(port)) {
            for (RawHttp.Outcome o = client.get("/nothing"); !o.outcome().equals("refused"); o = client.get("/nothing")) {
                boolean named = o.complete() || o.outcome().equals("cut") || o.outcome().equals("timeout");
                seen.merge(named ? o.outcome() : "closed before a response", 1, Integer::sum);
                if (o.outcome().equals("503")) {
                    refused.countDown();
                }
                if (++sent == 5) {
                    sending.countDown();
                }
            }
        }
        if (sent < 5) {
            sending.countDown();
        }
        return seen;
    }
}
