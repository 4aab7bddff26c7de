package dev.lucidmetrics.reliability;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from a stream: status line, headers, and the body by {@code Content-Length}, by
 * chunks, or (neither) to the end of the stream. It counts the bytes it consumed, so a failure can tell "nothing
 * arrived" from "the response was cut short". A stream that ends early throws {@link EOFException}.
 */
final class ResponseReader {

    /** A complete response. {@code close}: the server said {@code Connection: close}, or the body ran to EOF. */
    record Response(int status, byte[] body, boolean close) {
    }

    private static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private long consumed;
    private int status;

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Bytes of the current response read so far (0: nothing arrived). */
    long consumed() {
        return consumed;
    }

    /** The status of the current response once its status line arrived, else 0 (also after a failure). */
    int status() {
        return status;
    }

    Response read(boolean headRequest) throws IOException {
        consumed = 0;
        status = 0;
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: \"" + statusLine + "\"");
        }
        status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? h : h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : h.substring(colon + 1).trim();
            switch (name) {
                case "content-length": length = Long.parseLong(value); break;
                case "transfer-encoding": chunked = value.equalsIgnoreCase("chunked"); break;
                case "connection": close = value.equalsIgnoreCase("close"); break;
                default: break;
            }
        }
        boolean bodiless = headRequest || status < 200 || status == 204 || status == 304;
        if (bodiless) {
            return new Response(status, new byte[0], close);
        }
        if (chunked) {
            return new Response(status, chunks(), close);
        }
        if (length >= 0) {
            return new Response(status, exactly(length), close);
        }
        return new Response(status, toEnd(), true);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers, ignored
                }
                return body.toByteArray();
            }
            body.writeBytes(exactly(n));
            if (!line().isEmpty()) {
                throw new IOException("chunk of " + n + " bytes not followed by CRLF");
            }
        }
    }

    private byte[] exactly(long n) throws IOException {
        byte[] body = new byte[Math.toIntExact(n)];
        int off = 0;
        while (off < body.length) {
            int r = in.read(body, off, body.length - off);
            if (r < 0) {
                throw new EOFException("body ended after " + off + " of " + n + " bytes");
            }
            off += r;
            consumed += r;
        }
        return body;
    }

    private byte[] toEnd() throws IOException {
        byte[] body = in.readAllBytes();
        consumed += body.length;
        return body;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(consumed == 0 ? "no response" : "response ended inside a line");
            }
            consumed++;
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
