package dev.lucidmetrics.reliability;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * One HTTP/1.1 keep-alive connection over a plain socket, opened on first use and after any failure. Unlike
 * {@code java.net.http}, which retries and pools, it shows every refused connect, reset and short body as it
 * happened, and when the request's last byte was written.
 */
final class ClientConnection implements AutoCloseable {

    /** Names what a complete response showed, such as "picture" for a gallery page with its image. */
    interface Classifier {
        Classifier NONE = (status, body) -> "";

        String of(int status, byte[] body);
    }

    private final InetSocketAddress target;
    private final InetAddress local;
    private final int timeoutMillis;
    private Socket socket;
    private OutputStream out;
    private ResponseReader reader;
    private int uses;

    /** @param local the client address to bind (any 127.x.y.z works on Linux loopback), or null for any */
    ClientConnection(InetSocketAddress target, InetAddress local, int timeoutMillis) {
        this.target = target;
        this.local = local;
        this.timeoutMillis = timeoutMillis;
    }

    Outcome exchange(Request request, Classifier classifier) {
        long start = System.nanoTime();
        boolean reused = socket != null && uses > 0;
        if (socket == null) {
            try {
                open();
            } catch (IOException e) {
                close();
                Outcome.Kind kind = e instanceof ConnectException ? Outcome.Kind.REFUSED
                        : e instanceof SocketTimeoutException ? Outcome.Kind.TIMEOUT : Outcome.Kind.ERROR;
                return new Outcome(kind, 0, "", start, false, 0, System.nanoTime(), false);
            }
        }
        uses++;
        try {
            out.write(request.bytes());
            out.flush();
        } catch (IOException e) {
            close();
            return new Outcome(writeFailure(e), 0, "", start, false, 0, System.nanoTime(), reused);
        }
        long sent = System.nanoTime();
        try {
            ResponseReader.Response r = reader.read(request.head());
            if (r.close()) {
                close();
            }
            return new Outcome(Outcome.Kind.RESPONSE, r.status(), classifier.of(r.status(), r.body()), start, true,
                    sent, System.nanoTime(), reused);
        } catch (IOException e) {
            long partial = reader.consumed();
            int status = reader.status();
            close();
            return new Outcome(readFailure(e, partial), status, "", start, true, sent, System.nanoTime(), reused);
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            if (local != null) {
                s.bind(new InetSocketAddress(local, 0));
            }
            s.connect(target, timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        out = s.getOutputStream();
        reader = new ResponseReader(new BufferedInputStream(s.getInputStream(), 16 * 1024));
        uses = 0;
    }

    static Outcome.Kind writeFailure(IOException e) {
        return e instanceof SocketTimeoutException ? Outcome.Kind.TIMEOUT
                : e instanceof SocketException ? Outcome.Kind.RESET : Outcome.Kind.ERROR;
    }

    static Outcome.Kind readFailure(IOException e, long consumed) {
        if (e instanceof SocketTimeoutException) {
            return Outcome.Kind.TIMEOUT;
        }
        if (consumed > 0) {
            return Outcome.Kind.TRUNCATED;
        }
        if (e instanceof EOFException) {
            return Outcome.Kind.CLOSED;
        }
        return e instanceof SocketException ? Outcome.Kind.RESET : Outcome.Kind.ERROR;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a failed connection
            }
        }
        socket = null;
        out = null;
        reader = null;
    }
}
