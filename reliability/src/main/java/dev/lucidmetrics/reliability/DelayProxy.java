package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy between the gallery and iotd that can make iotd slow: with a delay set, every byte a client sends
 * reaches iotd that much later, so iotd's answers come late by as much. When iotd does not accept, the proxy
 * resets the client's connection at once, so a stopped iotd looks to the gallery like a failed connection (counted
 * as {@code error}) rather than a hang.
 */
final class DelayProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private volatile long delayNanos;

    DelayProxy(int port, InetSocketAddress upstream) throws IOException {
        this.listener = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        this.upstream = upstream;
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, bytes from clients reach the upstream {@code delay} after they arrived (zero: at once). */
    void delay(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread t = new Thread(() -> serve(client), "proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    private void serve(Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(upstream, 1000);
        } catch (IOException e) {
            reset(client);
            close(server);
            return;
        }
        Thread back = new Thread(() -> pump(server, client, false), "proxy-back");
        back.setDaemon(true);
        back.start();
        pump(client, server, true);
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                long due = System.nanoTime() + (delayed ? delayNanos : 0);
                for (long left; (left = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(left);  // the injected slowness itself
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away: end both
        } finally {
            close(from);
            close(to);
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing anyway
        }
        close(s);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
