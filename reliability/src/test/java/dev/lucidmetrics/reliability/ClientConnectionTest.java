package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How the runner's client names each way a request can end, against a server that answers from a script. */
class ClientConnectionTest {

    /** A server on port 0 that runs {@code script} for each accepted connection, in order. */
    private static InetSocketAddress scripted(List<Consumer<Socket>> scripts) throws IOException {
        ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        CompletableFuture.runAsync(() -> {
            try (listener) {
                for (Consumer<Socket> script : scripts) {
                    Socket s = listener.accept();
                    script.accept(s);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    /** Reads one request (up to the blank line), then writes {@code reply}s in turn, one per request. */
    private static Consumer<Socket> answer(boolean closeAfter, String... replies) {
        return s -> {
            try {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (String reply : replies) {
                    readRequest(in);
                    out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (closeAfter) {
                    s.close();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    private static Outcome send(ClientConnection c) {
        return c.exchange(Request.get("x", "/"), (status, body) -> new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aCompleteResponseKeepsTheConnectionForTheNextRequest() throws IOException {
        InetSocketAddress server = scripted(List.of(answer(false, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno")));
        try (ClientConnection c = new ClientConnection(server, null, 5000)) {
            Outcome first = send(c);
            Outcome second = send(c);
            assertEquals(List.of(Outcome.Kind.RESPONSE, 200, "hello", false), List.of(first.kind(), first.status(),
                    first.marker(), first.reused()));
            assertEquals(List.of(Outcome.Kind.RESPONSE, 404, "no", true), List.of(second.kind(), second.status(),
                    second.marker(), second.reused()));
            assertTrue(first.sent() && first.sentNanos() - first.startNanos() >= 0);
        }
    }

    @Test
    void aChunkedBodyIsCompleteAtItsLastChunk() throws IOException {
        InetSocketAddress server = scripted(List.of(answer(false,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")));
        try (ClientConnection c = new ClientConnection(server, null, 5000)) {
            Outcome o = send(c);
            assertEquals(List.of(Outcome.Kind.RESPONSE, "abcde"), List.of(o.kind(), o.marker()));
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTruncatedWithItsStatus() throws IOException {
        InetSocketAddress server = scripted(List.of(answer(true, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")));
        try (ClientConnection c = new ClientConnection(server, null, 5000)) {
            Outcome o = send(c);
            assertEquals(List.of(Outcome.Kind.TRUNCATED, 200, true), List.of(o.kind(), o.status(), o.sent()));
        }
    }

    @Test
    void aConnectionClosedBeforeAnyByteIsClosedAndAResetOneIsReset() throws IOException {
        InetSocketAddress server = scripted(List.of(answer(true), s -> {
            try {
                readRequest(s.getInputStream());
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        try (ClientConnection c = new ClientConnection(server, null, 5000)) {
            assertEquals(Outcome.Kind.CLOSED, send(c).kind());
            assertEquals(Outcome.Kind.RESET, send(c).kind());
        }
    }

    @Test
    void nothingListeningIsRefusedAndNothingWasSent() throws IOException {
        try (Socket notListening = TestSockets.boundNotListening();
                ClientConnection c = new ClientConnection((InetSocketAddress) notListening.getLocalSocketAddress(),
                        null, 5000)) {
            Outcome o = send(c);
            assertEquals(Outcome.Kind.REFUSED, o.kind());
            assertFalse(o.sent());
        }
    }

    @Test
    void connectionCloseMakesTheNextRequestOpenANewConnection() throws IOException {
        InetSocketAddress server = scripted(List.of(
                answer(false, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na"),
                answer(false, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb")));
        try (ClientConnection c = new ClientConnection(server, null, 5000)) {
            assertEquals("a", send(c).marker());
            Outcome second = send(c);
            assertEquals(List.of("b", false), List.of(second.marker(), second.reused()));
        }
    }

    @Test
    void aClientAddressOfTheLoopbackRangeIsWhatTheServerSees() throws IOException {
        CompletableFuture<String> seen = new CompletableFuture<>();
        InetSocketAddress server = scripted(List.of(s -> {
            seen.complete(s.getInetAddress().getHostAddress());
            answer(true, "HTTP/1.1 204 No Content\r\n\r\n").accept(s);
        }));
        try (ClientConnection c = new ClientConnection(server, InetAddress.getByName("127.3.2.1"), 5000)) {
            assertEquals(204, send(c).status());
        }
        assertEquals("127.3.2.1", seen.join());
    }
}
