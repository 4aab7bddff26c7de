package dev.lucidmetrics.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.Binaries;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TestClock;
import dev.lucidmetrics.core.support.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pushes to Debian's real prometheus-pushgateway on a free loopback port, then reads what it serves. */
@CompatibilityKit
class RealPushgatewayTest {

    private Process gateway;
    private int port;

    @BeforeEach
    void startGateway() throws Exception {
        Path binary = Binaries.require("prometheus-pushgateway", "prometheus-pushgateway");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // Debian's default persistence file lives under /var/lib; an empty value keeps everything in memory.
        gateway = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=").redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(gateway.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line = log.readLine(); line != null; line = log.readLine()) {
                    seen.append(line).append('\n');
                    if (line.contains("msg=\"Listening on\"")) {
                        return line;
                    }
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException("pushgateway exited before listening:\n" + seen);
        });
        listening.get(30, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> log.lines().forEach(line -> { })); // keep draining its log
    }

    @AfterEach
    void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    private BatchJob job(Instant start, Instant end) {
        return BatchJob.builder("nightly_export").pushgateway(URI.create("http://127.0.0.1:" + port))
                .groupingKey("shard", "eu").clock(new TestClock(start, end)).build();
    }

    @Test
    void pushedSeriesAreServedAndAFailureKeepsTheLastSuccessTime() {
        job(Instant.ofEpochSecond(1000), Instant.ofEpochMilli(1_002_500)).run(run -> run.recordsProcessed(42));
        String afterSuccess = TestHttp.get(port, "/metrics").body();
        String labels = "{instance=\"\",job=\"nightly_export\",shard=\"eu\"}";
        assertTrue(afterSuccess.contains("\nnightly_export_duration_seconds" + labels + " 2.5\n"), afterSuccess);
        assertTrue(afterSuccess.contains("\nnightly_export_last_success_timestamp_seconds" + labels + " 1002.5\n"),
                afterSuccess);
        assertTrue(afterSuccess.contains("\nnightly_export_records_processed" + labels + " 42\n"), afterSuccess);
        assertFalse(afterSuccess.contains("nightly_export_last_failure_timestamp_seconds"), afterSuccess);

        assertThrows(IllegalStateException.class, () -> job(Instant.ofEpochSecond(2000), Instant.ofEpochSecond(2001))
                .run(run -> {
                    throw new IllegalStateException("source unavailable");
                }));
        String afterFailure = TestHttp.get(port, "/metrics").body();
        assertTrue(afterFailure.contains("\nnightly_export_last_success_timestamp_seconds" + labels + " 1002.5\n"),
                "pushAdd must keep the last success: " + afterFailure);
        assertTrue(afterFailure.contains("\nnightly_export_last_failure_timestamp_seconds" + labels + " 2001\n"),
                afterFailure);
        assertTrue(afterFailure.contains("\nnightly_export_duration_seconds" + labels + " 1\n"), afterFailure);
        assertEquals(200, TestHttp.get(port, "/-/ready").statusCode());
    }
}
