package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections a hostile client opens and then leaves alone: {@linkplain #idle idle} ones that send nothing (a
 * half-open connection, as far as the server can tell), and {@linkplain #stalledReaders stalled readers} that ask
 * for more than the sockets' buffers hold and read none of it, so the server's thread blocks writing the response.
 * {@link #closedByServer} tells afterwards how many the server has ended.
 */
final class HeldConnections implements AutoCloseable {

    /** The receive buffer of a stalled reader: the server's writes block once it and the server's send buffer fill. */
    static final int STALLED_RECEIVE_BUFFER = 4096;
    /** What a stalled reader asks for in all: more than loopback's largest send buffer (4 MiB) and its own. */
    static final long STALLED_BYTES = 8L << 20;

    private final List<Socket> sockets = new ArrayList<>();

    private HeldConnections() {
    }

    /** {@code n} connections that send nothing. */
    static HeldConnections idle(InetSocketAddress target, int n) {
        return open(target, n, new byte[0], 0);
    }

    /**
     * {@code n} connections, each sending enough pipelined {@code GET path} requests (keep-alive) for
     * {@link #STALLED_BYTES} of responses of {@code responseBytes} each (1,000 at most, so that the requests fit the
     * server's receive buffer and the write cannot block), then reading nothing.
     */
    static HeldConnections stalledReaders(InetSocketAddress target, String path, int n, long responseBytes) {
        long requests = Math.min(1_000, Math.max(1, STALLED_BYTES / Math.max(1, responseBytes) + 1));
        byte[] one = ("GET " + path + " HTTP/1.1\r\nHost: " + target.getHostString() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[(int) (one.length * requests)];
        for (int i = 0; i < requests; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return open(target, n, all, STALLED_RECEIVE_BUFFER);
    }

    private static HeldConnections open(InetSocketAddress target, int n, byte[] send, int receiveBuffer) {
        HeldConnections held = new HeldConnections();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                held.sockets.add(s);
                if (receiveBuffer > 0) {
                    s.setReceiveBufferSize(receiveBuffer);   // before connect: it sets the window offered
                }
                s.connect(target, HostileRequests.HANG_MILLIS);
                if (send.length > 0) {
                    s.getOutputStream().write(send);
                    s.getOutputStream().flush();
                }
            }
            TcpStates tcp = TcpStates.now();
            for (Socket s : held.sockets) {
                if (!TcpStates.ESTABLISHED.equals(tcp.of(s.getLocalPort(), s.getPort()))) {
                    throw new IllegalStateException("the kernel's TCP table (/proc/net/tcp, tcp6) does not show the"
                            + " connection from port " + s.getLocalPort() + " to " + target + " as established, so"
                            + " whether the server ends it cannot be told");
                }
            }
            return held;
        } catch (IOException e) {
            held.close();
            throw new UncheckedIOException("could not open " + n + " connections to " + target + ": " + e, e);
        }
    }

    int size() {
        return sockets.size();
    }

    /**
     * How many the server has ended (a reset, or its FIN) by {@code deadline} ({@code System.nanoTime()}), looked up
     * in the kernel's TCP table every 100 ms without reading from the sockets (a read would let a server blocked
     * writing go on); returns as soon as all have ended.
     */
    int closedByServer(long deadline) {
        while (true) {
            TcpStates tcp = TcpStates.now();
            int ended = (int) sockets.stream().filter(s -> tcp.endedByPeer(s.getLocalPort(), s.getPort())).count();
            if (ended == sockets.size() || System.nanoTime() - deadline >= 0) {
                return ended;
            }
            Proc.pause(Duration.ofMillis(100));
        }
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
