package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
    }

    /** Clients sending to a path the server answers 404 (503 once closing) until the connection is refused. */
    private static Map<String, Integer> closeUnderLoad(ExecutorService threads) throws Exception {
        MetricsServer server = MetricsServer.builder(AppMetrics.builder("closing").build()).host("127.0.0.1")
                .port(0).start();
        int port = server.port();
        CountDownLatch sending = new CountDownLatch(CLIENTS);
        List<CompletableFuture<Map<String, Integer>>> clients = IntStream.range(0, CLIENTS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> sendUntilRefused(port, sending), threads))
                .toList();
        assertTrue(sending.await(20, TimeUnit.SECONDS), "the clients did not get going");
        server.close();
        Map<String, Integer> all = new TreeMap<>();
        for (CompletableFuture<Map<String, Integer>> c : clients) {
            c.get(30, TimeUnit.SECONDS).forEach((k, v) -> all.merge(k, v, Integer::sum));
        }
        return all;
    }

    /** Outcomes by kind: a status for a whole response, "cut" when the status line came but not the whole body. */
    private static Map<String, Integer> sendUntilRefused(int port, CountDownLatch sending) {
        Map<String, Integer> seen = new TreeMap<>();
        int sent = 0;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(20_000);
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                for (boolean open = true; open; ) {
                    out.write("GET /nothing HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (++sent == 5) {
                        sending.countDown();
                    }
                    String[] outcome = response(in);
                    seen.merge(outcome[0], 1, Integer::sum);
                    open = outcome[1] == null;
                }
            } catch (ConnectException e) {
                if (sent < 5) {
                    sending.countDown();
                }
                return seen;
            } catch (IOException e) {
                seen.merge("closed before a response", 1, Integer::sum);
            }
        }
    }

    /** {status or "cut", null when the connection stays open}; IOException when no byte of a response came. */
    private static String[] response(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("closed");
        }
        try {
            long length = 0;
            boolean close = false;
            for (String h = line(in); ; h = line(in)) {
                if (h == null) {
                    return new String[] {"cut", "closed"};
                }
                if (h.isEmpty()) {
                    break;
                }
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (in.readNBytes((int) length).length != length) {
                return new String[] {"cut", "closed"};
            }
            return new String[] {statusLine.split(" ")[1], close ? "closed" : null};
        } catch (IOException e) {
            return new String[] {"cut", "closed"};
        }
    }

    /** One CRLF-terminated line, or null at the end of the stream before any byte of it. */
    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return b.length() == 0 ? null : b.toString();
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
