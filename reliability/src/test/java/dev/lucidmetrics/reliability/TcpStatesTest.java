package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection states from the kernel's tables: whether the peer ended a connection, without reading from it. */
class TcpStatesTest {

    @Test
    void aTableLineGivesTheStateOfTheConnectionFromItsLocalToItsRemotePort() {
        Map<Long, String> states = new HashMap<>();
        TcpStates.parse(List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 1 1",
                "   1: 0000000000000000FFFF00000100007F:D432 0000000000000000FFFF00000100007F:1F90 08 0:0 0 0 0"),
                states);
        assertEquals(Map.of(((long) 8080 << 16) | 54321, "01", ((long) 54322 << 16) | 8080, "08"), states);
    }

    @Test
    void aLiveConnectionIsEstablishedAndEndedOnceThePeerClosesIt() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            Socket accepted = listener.accept();
            assertEquals(TcpStates.ESTABLISHED, TcpStates.now().of(client.getLocalPort(), client.getPort()));
            assertFalse(TcpStates.now().endedByPeer(client.getLocalPort(), client.getPort()));
            accepted.close();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!TcpStates.now().endedByPeer(client.getLocalPort(), client.getPort())) {
                assertTrue(System.nanoTime() - end < 0, "the server's FIN seen within 10 s");
                Proc.pause(Duration.ofMillis(10));
            }
            assertNull(TcpStates.now().of(client.getLocalPort(), client.getLocalPort()), "no such connection");
        }
    }
}
