package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Sockets the tests need that port 0 alone cannot give safely. */
final class TestSockets {

    private TestSockets() {
    }

    /**
     * A loopback port that refuses connections for as long as the socket stays open. A port taken from a closed
     * {@code ServerSocket} can be handed to another listener, or picked as the local port of the very connect that
     * tests it (a TCP self-connect); a bound socket that never listens holds the port against both.
     */
    static Socket boundNotListening() throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return s;
    }
}
