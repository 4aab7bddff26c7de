package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Access-log scaled behind one name, as Compose runs it: three replicas on three loopback addresses with one port
 * (127.0.0.1-3), a DNS the test writes that names all three "accesslog", the gallery's real HTTP client and pooled
 * connections. Each replica gets its share of the visits, and a change in DNS reaches the visits.
 */
class ReplicaSpreadTest {

    private final Stub iotd = new Stub("/image", 200, GalleryAppTest.IMAGE);
    private final List<Stub> replicas = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private volatile List<InetAddress> accesslog;
    private GalleryApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        iotd.close();
        replicas.forEach(Stub::close);
    }

    /** Replicas on 127.0.0.1 ... 127.0.0.n, one port; skipped where only 127.0.0.1 is a loopback address. */
    private void startReplicas(int n) {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 1; i <= n; i++) {
            try {
                replicas.add(new Stub("/access-log", 201, "{}", new InetSocketAddress("127.0.0." + i, port)));
            } catch (UncheckedIOException e) {
                assumeTrue(false, "127.0.0." + i + " is not a loopback address here: " + e.getMessage());
            }
        }
    }

    private void startGallery() {
        int port = replicas.get(0).port();
        app = GalleryApp.start(EnvConfig.of(Map.of("PORT", "0", "FAILURE_RATE", "0", "IMAGE_API_URL",
                iotd.url("/image"), "ACCESS_API_URL", "http://accesslog:" + port + "/access-log")), clock::get,
                host -> {
                    if (!host.equals("accesslog")) {
                        throw new java.net.UnknownHostException(host);
                    }
                    return accesslog;
                });
    }

    private static List<InetAddress> loopback(int... last) {
        List<InetAddress> ips = new ArrayList<>();
        for (int i : last) {
            ips.add(new InetSocketAddress("127.0.0." + i, 0).getAddress());
        }
        return ips;
    }

    /** {@code n} pages, ten at a time (as a browser's users would), then their visits answered. */
    private void pages(int n) {
        ExecutorService users = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> codes = users.invokeAll(Collections.nCopies(n,
                    () -> TestHttp.get(app.server().uri("/")).statusCode()));
            for (Future<Integer> code : codes) {
                assertEquals(200, code.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            users.shutdown();
        }
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT), "the visits are answered");
    }

    private List<Integer> visitsPerReplica() {
        return replicas.stream().map(s -> s.bodies.size()).toList();
    }

    private double accepted() {
        return MetricValues.of(app.metrics()).get("image_gallery_client_requests_total", "target", "access-log",
                "method", "POST", "code", "201");
    }

    @Test
    void threeReplicasBehindOneNameGetAThirdOfThreeHundredVisitsEach() {
        startReplicas(3);
        accesslog = loopback(1, 2, 3);
        startGallery();
        pages(300);
        assertEquals(List.of(100, 100, 100), visitsPerReplica());
        assertEquals(300.0, accepted(), "every visit accepted");
        assertEquals(Set.of("iotd", "access-log"), Set.copyOf(MetricValues.of(app.metrics())
                .labelValues("image_gallery_client_requests_total", "target")), "the target stays the logical name");
        for (Stub s : replicas) {
            assertTrue(s.connections.size() <= 20, "pooled connections are reused: " + s.connections.size()
                    + " connections for 100 visits, ten pages at a time");
        }
    }

    @Test
    void replicasAddedToAndRemovedFromDnsAreVisitedOrLeftWithinTheRefreshInterval() {
        startReplicas(3);
        accesslog = loopback(1, 2);
        startGallery();
        pages(20);
        assertEquals(List.of(10, 10, 0), visitsPerReplica());

        accesslog = loopback(2, 3);        // the first replica scaled away, a third one added
        replicas.get(0).close();
        clock.addAndGet(Replicas.REFRESH.toNanos());
        long deadline = System.nanoTime() + GalleryAppTest.WAIT.toNanos();
        while (replicas.get(2).bodies.isEmpty()) {   // the lookup runs in the background: a poll with a deadline
            assertTrue(System.nanoTime() < deadline, "the added replica got no visit within " + GalleryAppTest.WAIT);
            pages(1);
        }
        List<Integer> before = visitsPerReplica();
        double acceptedBefore = accepted();
        pages(40);
        List<Integer> after = visitsPerReplica();
        assertEquals(List.of(0, 20, 20), List.of(after.get(0) - before.get(0), after.get(1) - before.get(1),
                after.get(2) - before.get(2)), "visits since the new answer was in use");
        assertEquals(acceptedBefore + 40, accepted(), "no visit tried a connection to the replica that left");
    }
}
