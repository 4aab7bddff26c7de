package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The slow-client attacker against servers that close its heads, or keep them and read on. */
class SlowHeadsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** Accepts connections, each served on a thread of its own by {@code serve}, until the test ends. */
    private static InetSocketAddress server(ServerSocket listener, SocketHandler serve) {
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread t = new Thread(() -> serve.handle(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    interface SocketHandler {
        void handle(Socket s);
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - end < 0, what + " within " + DEADLINE.toSeconds() + " s");
            Proc.pause(Duration.ofMillis(20));
        }
    }

    @Test
    void everyHeadTheServerClosesIsReplacedAtOnce() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress target = server(listener, s -> {
                try (s) {
                    s.getInputStream().read(new byte[64]);   // the start of the head, then close
                } catch (IOException ignored) {
                    // the attacker may go first
                }
            });
            try (SlowHeads slow = SlowHeads.start(target, "/metrics", 3)) {
                await(() -> slow.closedByServer() >= 9, "nine heads closed by the server and replaced");
                assertTrue(slow.opened() >= slow.closedByServer() + 1, "opened " + slow.opened());
            }
        }
    }

    @Test
    void aHeadTheServerKeepsGetsAnotherByteEveryTrickleAndNeverEnds() throws IOException {
        List<AtomicLong> received = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress target = server(listener, s -> {
                AtomicLong bytes = new AtomicLong();
                received.add(bytes);
                try (s; InputStream in = s.getInputStream()) {
                    for (int b = in.read(); b >= 0; b = in.read()) {
                        bytes.incrementAndGet();
                    }
                } catch (IOException ignored) {
                    // the attacker closed it
                }
            });
            String head = "GET /metrics HTTP/1.1\r\nHost: " + target.getHostString() + "\r\nX-Slow: ";
            try (SlowHeads slow = SlowHeads.start(target, "/metrics", 2)) {
                await(() -> received.size() == 2 && received.stream().allMatch(b -> b.get() > head.length()),
                        "a byte after the head's start on both connections");
                assertTrue(slow.open() <= 2 && slow.closedByServer() == 0, "open " + slow.open());
            }
        }
    }
}
