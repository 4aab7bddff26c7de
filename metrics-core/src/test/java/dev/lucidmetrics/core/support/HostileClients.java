package dev.lucidmetrics.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that misbehave on purpose, for the tests of the servers' deadlines: each sends the start of a
 * request's head and no more (a slow client, which the JDK server reads on a thread of its own), or a whole request
 * and then never reads the response ({@link #nonReading}). {@link #closedByServer} tells how many the server has
 * closed. Closing this closes them all.
 * <pre>{@code
 * try (HostileClients slow = HostileClients.slowHeads(port, 129, "/metrics")) {
 *     assertEquals(200, RawHttp.exchange(port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").status());
 * }
 * }</pre>
 */
public final class HostileClients implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();

    private HostileClients() {
    }

    /** {@code n} connections, each with the request line and part of a header of {@code GET path} sent. */
    public static HostileClients slowHeads(int port, int n, String path) {
        return open(port, n, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", 0);
    }

    /** {@code n} connections that send nothing at all (half-open, as far as the server can tell). */
    public static HostileClients idle(int port, int n) {
        return open(port, n, "", 0);
    }

    /**
     * {@code n} connections that send {@code GET path} whole (keep-alive) with a receive buffer of
     * {@code receiveBuffer} bytes and never read the response.
     */
    public static HostileClients nonReading(int port, int n, String path, int receiveBuffer) {
        return open(port, n, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", receiveBuffer);
    }

    private static HostileClients open(int port, int n, String text, int receiveBuffer) {
        HostileClients clients = new HostileClients();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                if (receiveBuffer > 0) {
                    s.setReceiveBufferSize(receiveBuffer);
                }
                clients.sockets.add(s);
                s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                if (!text.isEmpty()) {
                    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                }
            }
            return clients;
        } catch (IOException e) {
            clients.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one more byte of the unfinished header on each connection still open; true if any was still open. */
    public boolean trickle() {
        boolean any = false;
        for (Socket s : sockets) {
            try {
                s.getOutputStream().write('x');
                s.getOutputStream().flush();
                any = true;
            } catch (IOException closed) {
                // the server closed it
            }
        }
        return any;
    }

    /**
     * How many of the connections the server has closed (an end of stream or a reset), polling each for
     * {@code wait} at most; bytes the server sent before closing are skipped.
     */
    public int closedByServer(Duration wait) {
        int closed = 0;
        for (Socket s : sockets) {
            try {
                s.setSoTimeout((int) Math.max(1, wait.toMillis()));
                InputStream in = s.getInputStream();
                byte[] skip = new byte[64 * 1024];
                while (in.read(skip) >= 0) {
                    // a response or part of one: read on until the server closes
                }
                closed++;
            } catch (SocketTimeoutException stillOpen) {
                // the server keeps it
            } catch (IOException reset) {
                closed++;
            }
        }
        return closed;
    }

    public int size() {
        return sockets.size();
    }

    @Override
    public void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
