package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DelayProxyTest {

    @Test
    void passesARequestAndItsAnswerThrough() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                DelayProxy proxy = new DelayProxy(0, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        upstream.getLocalPort()))) {
            CompletableFuture.runAsync(() -> {
                try (var s = upstream.accept()) {
                    s.getInputStream().readNBytes(Request.get("x", "/").bytes().length);
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (ClientConnection c = new ClientConnection(Topology.local(proxy.port()), null, 5000)) {
                Outcome o = c.exchange(Request.get("x", "/"), (status, body) -> new String(body,
                        StandardCharsets.UTF_8));
                assertEquals("ok", o.marker());
            }
        }
    }

    @Test
    void resetsTheClientWhenNothingListensUpstream() throws Exception {
        try (Socket notListening = TestSockets.boundNotListening();
                DelayProxy proxy = new DelayProxy(0, (InetSocketAddress) notListening.getLocalSocketAddress());
                ClientConnection c = new ClientConnection(Topology.local(proxy.port()), null, 5000)) {
            assertEquals(Outcome.Kind.RESET, c.exchange(Request.get("x", "/"), ClientConnection.Classifier.NONE)
                    .kind());
        }
    }
}
