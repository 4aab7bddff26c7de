package dev.lucidmetrics.core.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tests' one plain-socket HTTP/1.1 client, for what java.net.http hides or refuses: a keep-alive connection on
 * which each request sees the reset or close that java.net.http would retry, bytes it will not send (a method such
 * as {@code BREW}, a {@code Content-Length} that is not the body's), the moment a response's last byte arrives, a
 * client that leaves in the middle of a response.
 * <pre>{@code
 * try (RawHttp client = new RawHttp(port)) {
 *     RawHttp.Outcome o = client.get("/");   // "200" ... then "refused" once the server stopped
 * }
 * RawHttp.Response r = RawHttp.exchange(port, "GET /r HTTP/1.1\r\nHost: test\r\n\r\n");
 * }</pre>
 * Every read gives up after {@link #TIMEOUT}: a bound on hanging, not a speed.
 */
public final class RawHttp implements AutoCloseable {

    /** How long a read may wait for a byte. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A whole response: its status line, its headers (names in lower case), its body. */
    public record Response(String statusLine, Map<String, String> headers, byte[] body) {
        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** Whether the server says it closes the connection after this response. */
        public boolean closesConnection() {
            return headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("close");
        }
    }

    /**
     * How one request on a kept connection ended: a status such as "200" (a whole response), "refused" (no
     * connection), "reset" or "closed" (the connection failed or ended before a byte of a response), "timeout" (no
     * byte of a response and no close within {@link #TIMEOUT}: a hang), "cut" (part of a response, then nothing);
     * and when its bytes were written ({@link System#nanoTime}, 0 when never).
     */
    public record Outcome(String outcome, long sentNanos) {
        public boolean complete() {
            return outcome.matches("[0-9]{3}");
        }
    }

    /** A response that began and did not end. */
    public static final class CutShort extends IOException {
        CutShort(String what) {
            super(what);
        }
    }

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long received;

    /** A client of {@code 127.0.0.1:port}; it connects at its first request, and again after a close. */
    public RawHttp(int port) {
        this.port = port;
    }

    /** The connection, opened now if there is none. */
    public Socket socket() throws IOException {
        if (socket == null) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout((int) TIMEOUT.toMillis());
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }
        return socket;
    }

    /** Writes {@code bytes} as they are (connecting first if needed); returns the time the write completed. */
    public long send(byte[] bytes) throws IOException {
        socket();
        out.write(bytes);
        out.flush();
        return System.nanoTime();
    }

    /** {@link #send(byte[])} of ISO-8859-1 text, such as {@code "GET / HTTP/1.1\r\nHost: x\r\n\r\n"}. */
    public long send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The status line and headers of the next response; {@link EOFException} when the connection ended before a
     * byte of it, {@link CutShort} when it ended inside the head.
     */
    public Response readHead() throws IOException {
        socket();
        received = 0;
        String status = line(true);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(false); !h.isEmpty(); h = line(false)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1)
                    .trim());
        }
        return new Response(status, headers, new byte[0]);
    }

    /**
     * The next whole response (a body of {@code Content-Length} bytes, chunked, or none for 1xx, 204 and 304);
     * closes the connection when the response says so. {@link EOFException} when the connection ended before a
     * byte of it, {@link CutShort} when it ended inside it.
     */
    public Response read() throws IOException {
        Response head = readHead();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = head.status();
        if (status >= 200 && status != 204 && status != 304) {
            if (head.headers().getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
                for (long size = Long.parseLong(line(false).trim(), 16); size > 0;
                        size = Long.parseLong(line(false).trim(), 16)) {
                    body.write(bytes(size));
                    line(false);
                }
                line(false);
            } else {
                body.write(bytes(Long.parseLong(head.headers().getOrDefault("content-length", "0"))));
            }
        }
        Response whole = new Response(head.statusLine(), head.headers(), body.toByteArray());
        if (whole.closesConnection()) {
            close();
        }
        return whole;
    }

    /** {@code GET path} on the kept connection, and how it ended (see {@link Outcome}); never throws. */
    public Outcome get(String path) {
        try {
            socket();
        } catch (ConnectException e) {
            return new Outcome("refused", 0);
        } catch (IOException e) {
            return new Outcome("connect failed: " + e, 0);
        }
        long sent;
        try {
            sent = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        } catch (IOException e) {
            close();
            return new Outcome("reset", 0);
        }
        try {
            return new Outcome(Integer.toString(read().status()), sent);
        } catch (IOException e) {
            close();
            return new Outcome(received > 0 ? "cut" : e instanceof EOFException ? "closed"
                    : e instanceof SocketTimeoutException ? "timeout" : "reset", sent);
        }
    }

    /**
     * The head of a POST with {@code Connection: close} and the given header lines (each without its CRLF), for
     * bodies and lengths java.net.http will not send: {@code post("/x", "Content-Length: 5")} and no body.
     */
    public static byte[] post(String path, String... headers) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code request} on a connection of its own and reads the one response to it. */
    public static Response exchange(int port, String request) {
        try (RawHttp client = new RawHttp(port)) {
            client.send(request);
            return client.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request} on a connection of its own, half-closes it and reads until the server closes: the
     * status line, "" when the server closed without answering, null when nothing came within {@code timeout}. For
     * requests the server may answer before reading them whole (413 on a declared length).
     */
    public static String statusLine(int port, byte[] request, Duration timeout) {
        String text = untilClosed(port, request, timeout);
        if (text == null) {
            return null;
        }
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Sends {@code request} on a connection of its own, half-closes it and returns everything the server sends
     * until it closes (ISO-8859-1 text), or null when that takes longer than {@code timeout}. A reset after a
     * refusal ends the reading: what arrived before it is the answer.
     */
    public static String untilClosed(int port, byte[] request, Duration timeout) {
        try (RawHttp client = new RawHttp(port)) {
            Socket s = client.socket();
            s.setSoTimeout((int) timeout.toMillis());
            try {
                client.send(request);
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before reading everything
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                client.in.transferTo(response);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                // reset by the server after refusing the request: what arrived before is the answer
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line(boolean first) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (first && b.size() == 0) {
                    throw new EOFException("the connection ended before a response");
                }
                throw new CutShort("the connection ended inside a response: " + b.toString(StandardCharsets.ISO_8859_1));
            }
            received++;
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /** The next {@code n} bytes of a body whose head {@link #readHead} read; {@link CutShort} when fewer come. */
    public byte[] readBody(long n) throws IOException {
        return bytes(n);
    }

    private byte[] bytes(long n) throws IOException {
        byte[] got = in.readNBytes((int) n);
        received += got.length;
        if (got.length != n) {
            throw new CutShort("the body ended after " + got.length + " of " + n + " bytes");
        }
        return got;
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing after a failure
        } finally {
            socket = null;
        }
    }
}
