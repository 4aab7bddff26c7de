package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's view of this process's TCP connections ({@code /proc/net/tcp} and {@code tcp6}), keyed by local and
 * remote port: whether the server has ended a connection can be read there without reading from the socket, which
 * would let a server blocked writing to it go on.
 */
final class TcpStates {

    /** The kernel's code for an established connection; CLOSE_WAIT (08) means the peer sent its FIN. */
    static final String ESTABLISHED = "01";
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private final Map<Long, String> states;

    private TcpStates(Map<Long, String> states) {
        this.states = states;
    }

    /** A snapshot of every TCP connection's state. */
    static TcpStates now() {
        Map<Long, String> states = new HashMap<>();
        for (Path table : TABLES) {
            try {
                if (Files.exists(table)) {
                    parse(Files.readAllLines(table), states);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
        }
        return new TcpStates(states);
    }

    /** Lines of a /proc/net/tcp table (the header line first) into {@code states}. */
    static void parse(List<String> lines, Map<Long, String> states) {
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3) {
                states.put(key(port(f[1]), port(f[2])), f[3]);
            }
        }
    }

    /** The state of the connection from {@code localPort} to {@code remotePort}, or null when the kernel has none. */
    String of(int localPort, int remotePort) {
        return states.get(key(localPort, remotePort));
    }

    /** The connection is gone (a reset), or the peer ended it (CLOSE_WAIT and later). */
    boolean endedByPeer(int localPort, int remotePort) {
        return !ESTABLISHED.equals(of(localPort, remotePort));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }

    private static long key(int local, int remote) {
        return ((long) local << 16) | remote;
    }
}
