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

/** Closing a metrics server under clients that keep sending: refusals are whole, never a response cut short. */
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
     * server's executor has fewer threads than there are clients, so requests are always queued when it closes.
     */
    private static Map<String, Integer> closeUnderLoad(ExecutorService threads) throws Exception {
        ExecutorService four = Executors.newFixedThreadPool(CLIENTS / 2);
        MetricsServer server = MetricsServer.builder(AppMetrics.builder("closing").build()).host("127.0.0.1")
                .port(0).executor(four).start();
        int port = server.port();
        CountDownLatch sending = new CountDownLatch(CLIENTS);
        List<CompletableFuture<Map<String, Integer>>> clients = IntStream.range(0, CLIENTS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> sendUntilRefused(port, sending), threads))
                .toList();
        assertTrue(sending.await(20, TimeUnit.SECONDS), "the clients did not get going");
        server.close();
        four.shutdown();
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
    private static Map<String, Integer> sendUntilRefused(int port, CountDownLatch sending) {
        Map<String, Integer> seen = new TreeMap<>();
        int sent = 0;
        try (RawHttp client = new RawHttp(port)) {
            for (RawHttp.Outcome o = client.get("/nothing"); !o.outcome().equals("refused"); o = client.get("/nothing")) {
                boolean named = o.complete() || o.outcome().equals("cut") || o.outcome().equals("timeout");
                seen.merge(named ? o.outcome() : "closed before a response", 1, Integer::sum);
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
