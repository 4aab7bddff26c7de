package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An attacker that holds {@code n} slow clients open against one server: each sends a request line and the start of
 * a header, then one more byte of that header every {@link #TRICKLE}, and never ends its head. When the server closes
 * one (an end of stream or a reset), another connects at once in its place, as an attacker who wants to keep
 * {@code n} open would. One thread and non-blocking sockets, so 500 of them cost the runner nothing.
 * <pre>{@code
 * try (SlowHeads slow = SlowHeads.start(Topology.local(port), "/metrics", 129)) {
 *     // scrape meanwhile; slow.closedByServer() counts the heads the server gave up on
 * }
 * }</pre>
 */
final class SlowHeads implements AutoCloseable {

    static final Duration TRICKLE = Duration.ofSeconds(2);
    private static final ByteBuffer ONE_BYTE = ByteBuffer.wrap(new byte[] {'x'}).asReadOnlyBuffer();

    private final InetSocketAddress target;
    private final byte[] head;
    private final int n;
    private final Selector selector;
    private final Thread thread;
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong failedConnects = new AtomicLong();
    private volatile int open;
    private volatile boolean stopping;

    private SlowHeads(InetSocketAddress target, String path, int n) throws IOException {
        this.target = target;
        this.head = ("GET " + path + " HTTP/1.1\r\nHost: " + target.getHostString() + "\r\nX-Slow: ")
                .getBytes(StandardCharsets.ISO_8859_1);
        this.n = n;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "slow-heads-" + target.getPort());
        thread.setDaemon(true);
    }

    static SlowHeads start(InetSocketAddress target, String path, int n) {
        try {
            SlowHeads s = new SlowHeads(target, path, n);
            s.thread.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connections opened in all, the first {@code n} included. */
    long opened() {
        return opened.get();
    }

    /** Connections the server ended (end of stream or reset) while their head was unfinished. */
    long closedByServer() {
        return closedByServer.get();
    }

    /** Connects that failed (refused, reset) or took longer than a trickle interval. */
    long failedConnects() {
        return failedConnects.get();
    }

    /** Connected ones open right now. */
    int open() {
        return open;
    }

    private void run() {
        ByteBuffer sink = ByteBuffer.allocate(8192);
        long nextTrickle = System.nanoTime() + TRICKLE.toNanos();
        int missing = n;
        try {
            while (!stopping) {
                for (; missing > 0; missing--) {
                    connect();
                }
                selector.select(Math.max(1, (nextTrickle - System.nanoTime()) / 1_000_000));
                for (SelectionKey key : selector.selectedKeys()) {
                    missing += handle(key, sink);
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() - nextTrickle >= 0) {
                    trickle();
                    missing = n - (int) selector.keys().stream().filter(SelectionKey::isValid).count();
                    nextTrickle += TRICKLE.toNanos();
                }
                open = (int) selector.keys().stream().filter(k -> k.isValid()
                        && (k.interestOps() & SelectionKey.OP_READ) != 0).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (SelectionKey k : selector.keys()) {
                quietClose(k);
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void connect() throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        opened.incrementAndGet();
        SelectionKey key = ch.register(selector, 0, System.nanoTime());
        try {
            if (ch.connect(target)) {
                sendHead(key);
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            quietClose(key);
            failedConnects.incrementAndGet();
        }
    }

    /** Returns 1 when the server ended the connection: it is replaced at once (a failed connect, at the next trickle). */
    private int handle(SelectionKey key, ByteBuffer sink) {
        SocketChannel ch = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                ch.finishConnect();
                sendHead(key);
                return 0;
            }
            if (key.isReadable()) {
                sink.clear();
                if (ch.read(sink) < 0) {
                    closedByServer.incrementAndGet();
                    quietClose(key);
                    return 1;
                }
            }
            return 0;
        } catch (IOException e) {
            boolean connecting = key.interestOps() == SelectionKey.OP_CONNECT;
            (connecting ? failedConnects : closedByServer).incrementAndGet();
            quietClose(key);
            return connecting ? 0 : 1;
        }
    }

    private void sendHead(SelectionKey key) throws IOException {
        ((SocketChannel) key.channel()).write(ByteBuffer.wrap(head));
        key.interestOps(SelectionKey.OP_READ);
    }

    /** One more byte on every connected one; connects pending longer than a trickle are given up. */
    private void trickle() {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            if (!key.isValid()) {
                continue;
            }
            if (key.interestOps() == SelectionKey.OP_CONNECT) {
                if (System.nanoTime() - (long) key.attachment() > TRICKLE.toNanos()) {
                    failedConnects.incrementAndGet();
                    quietClose(key);
                }
                continue;
            }
            try {
                ((SocketChannel) key.channel()).write(ONE_BYTE.duplicate());
            } catch (IOException e) {
                closedByServer.incrementAndGet();
                quietClose(key);
            }
        }
    }

    private static void quietClose(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops the attacker and closes every connection it holds. */
    @Override
    public void close() {
        stopping = true;
        selector.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
