package dev.lucidmetrics.demo.accesslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends request bytes exactly as given on a raw loopback socket, for requests java.net.http refuses to send (a
 * {@code Content-Length} that is not the body's, a broken header), then half-closes and reads to the end.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The response's status line, "" when the server closed without answering, null after {@code timeoutMillis}. */
    static String statusLine(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before reading everything (413 on the declared length)
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    response.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                // reset by the server after refusing the request: what arrived before is the answer
            }
            String text = response.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n");
            return end < 0 ? text : text.substring(0, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST head with {@code Connection: close} and the given header lines (each without its CRLF). */
    static byte[] post(String path, String... headers) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
