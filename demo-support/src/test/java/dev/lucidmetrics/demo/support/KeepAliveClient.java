package dev.lucidmetrics.demo.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A plain-socket HTTP/1.1 client that keeps its connection (java.net.http would retry and hide a reset), for the
 * graceful-stop tests: each {@link #get} says how the request ended and whether its bytes were written before a
 * given moment.
 */
final class KeepAliveClient implements AutoCloseable {

    /** How a request ended: "200" (a complete response with that status), "refused", "reset", "closed", "cut". */
    record Result(String outcome, long sentNanos) {
        boolean complete() {
            return outcome.matches("[0-9]{3}");
        }
    }

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(int port) {
        this.port = port;
    }

    Result get(String path) {
        try {
            if (socket == null) {
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(20_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            }
        } catch (ConnectException e) {
            return new Result("refused", 0);
        } catch (IOException e) {
            return new Result("connect failed: " + e, 0);
        }
        long sent;
        try {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sent = System.nanoTime();
        } catch (IOException e) {
            close();
            return new Result("reset", 0);
        }
        int[] read = {0};
        try {
            String status = line(read).split(" ")[1];
            long length = 0;
            boolean close = false;
            for (String h; !(h = line(read)).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (in.readNBytes((int) length).length != length) {
                throw new EOFException("short body");
            }
            if (close) {
                close();
            }
            return new Result(status, sent);
        } catch (IOException e) {
            close();
            return new Result(read[0] > 0 ? "cut" : e instanceof EOFException ? "closed" : "reset", sent);
        }
    }

    private String line(int[] read) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException();
            }
            read[0]++;
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII).strip();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing after a failure
        }
        socket = null;
    }
}
