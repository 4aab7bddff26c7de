package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What the hostile requests are and how their endings are judged. */
class HostileRequestsTest {

    private static final List<HostileRequests.Kind> KINDS = HostileRequests.kinds("127.0.0.1:1", "/metrics");

    private static HostileRequests.Kind kind(String name) {
        return KINDS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(HostileRequests.Kind k) {
        return new String(k.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachRequestGoesPastTheBoundItTests() {
        String flood = text(kind("name[] x 2,000"));
        assertEquals(2_000, flood.split("name\\[\\]=", -1).length - 1, "past the library's 1,024 parameters");
        String query = text(kind("query of 70,000 characters"));
        assertTrue(query.substring(query.indexOf('?') + 1, query.indexOf(' ', 4)).length() > 65_536);
        assertTrue(kind("header of 400 KiB").bytes().length > 380 * 1024, "past the JDK's 380 KiB");
        assertTrue(kind("request line of 400 KiB").bytes().length > 380 * 1024);
        assertEquals(250, text(kind("250 header names")).split("\r\nX-Many-", -1).length - 1,
                "distinct names: the JDK counts names, not lines, against its 200");
        HostileRequests.Kind cut = kind("request line cut by the client's FIN");
        assertTrue(cut.halfClose() && !text(cut).contains("\r\n"));
    }

    @Test
    void aFourHundredOrAClosedConnectionIsAcceptableAndAnAnswerOrAHangIsNot() {
        for (String ok : List.of("400", "404", "431", "closed", "reset")) {
            assertTrue(HostileRequests.Result.acceptable(ok), ok);
        }
        for (String bad : List.of("200", "500", "503", "timeout", "truncated", "connect failed", "error")) {
            assertFalse(HostileRequests.Result.acceptable(bad), bad);
        }
        assertEquals(3, new HostileRequests.Result(Map.of("a", Map.of("400", 5L, "500", 2L), "b",
                Map.of("closed", 1L, "200", 1L))).bad());
    }

    /** A server that reads the first bytes of one request and then runs {@code then}. */
    private static InetSocketAddress oneShot(ServerSocket listener, SocketAction then) {
        CompletableFuture.runAsync(() -> {
            try (Socket s = listener.accept()) {
                s.getInputStream().read(new byte[1024]);
                then.run(s);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    interface SocketAction {
        void run(Socket s) throws IOException;
    }

    @Test
    void aRequestEndsWithTheStatusTheServerSentOrHowItEndedTheConnection() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            InetSocketAddress server = oneShot(listener, s -> s.getOutputStream().write(
                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals("400", HostileRequests.once(server, kind("target URI cannot parse (/%zz)")));
        }
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            InetSocketAddress server = oneShot(listener, s -> { });
            assertEquals("closed", HostileRequests.once(server, kind("request line cut by the client's FIN")));
        }
    }
}
