package dev.lucidmetrics.reliability;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests no client should send, each on a connection of its own: floods of {@code name[]}, a query past the
 * library's bound, a header or a request line past the JDK's, more header names than the JDK takes, a long path, a
 * target {@code java.net.URI} cannot parse, and a request line cut off by the client's FIN (a half-closed
 * connection; the JDK takes the end of stream after a whole line as the end of the head, and answers). Each
 * must end in a 4xx or a closed connection: never a 5xx, never a hang (no end within {@link #HANG_MILLIS}).
 */
final class HostileRequests {

    /** A request that has not ended this long after it was sent hangs (a slow head is closed after 2 s). */
    static final int HANG_MILLIS = 10_000;
    static final int AT_ONCE = 16;

    /** One kind of hostile request: its bytes, and whether the client half-closes the connection after them. */
    record Kind(String name, byte[] bytes, boolean halfClose) {
    }

    /** How each kind ended: {@code "400"}, {@code "closed"}, {@code "reset"}, {@code "timeout"}, ... with counts. */
    record Result(Map<String, Map<String, Long>> byKind) {
        /** Endings that are neither a 4xx nor the connection closed (end of stream or reset). */
        long bad() {
            return byKind.values().stream().flatMap(m -> m.entrySet().stream())
                    .filter(e -> !acceptable(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        static boolean acceptable(String ending) {
            return ending.startsWith("4") || ending.equals("closed") || ending.equals("reset");
        }
    }

    private HostileRequests() {
    }

    /** The kinds, against {@code path} (the server's metrics path) on {@code host}. */
    static List<Kind> kinds(String host, String path) {
        List<Kind> k = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            names.append(i == 0 ? '?' : '&').append("name[]=family_").append(i);
        }
        k.add(get("name[] x 2,000", host, path + names, ""));
        k.add(get("query of 70,000 characters", host, path + "?q=" + "a".repeat(70_000), ""));
        k.add(get("header of 400 KiB", host, path, "X-Big: " + "a".repeat(400 * 1024) + "\r\n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            many.append("X-Many-").append(i).append(": a\r\n");
        }
        k.add(get("250 header names", host, path, many.toString()));
        k.add(get("path of 60 KiB", host, "/" + "a".repeat(60 * 1024), ""));
        k.add(get("request line of 400 KiB", host, "/" + "a".repeat(400 * 1024), ""));
        k.add(get("target URI cannot parse (/%zz)", host, "/%zz", ""));
        k.add(new Kind("request line cut by the client's FIN", ("GET " + path.substring(0, path.length() / 2))
                .getBytes(StandardCharsets.ISO_8859_1), true));
        return k;
    }

    private static Kind get(String name, String host, String target, String headers) {
        return new Kind(name, ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** Sends every kind {@code each} times to {@code target}, {@value #AT_ONCE} at a time. */
    static Result send(InetSocketAddress target, List<Kind> kinds, int each) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            Map<String, List<Future<String>>> futures = new LinkedHashMap<>();
            for (int i = 0; i < each; i++) {
                for (Kind kind : kinds) {
                    futures.computeIfAbsent(kind.name(), x -> new ArrayList<>())
                            .add(pool.submit(() -> once(target, kind)));
                }
            }
            Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<String>>> e : futures.entrySet()) {
                Map<String, Long> endings = new TreeMap<>();
                for (Future<String> f : e.getValue()) {
                    endings.merge(ending(f), 1L, Long::sum);
                }
                byKind.put(e.getKey(), endings);
            }
            return new Result(byKind);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String ending(Future<String> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return "error";
        }
    }

    /** Sends one request on a new connection: the response's status, or how the connection ended. */
    static String once(InetSocketAddress target, Kind kind) {
        try (Socket s = new Socket()) {
            s.setSoTimeout(HANG_MILLIS);
            s.connect(target, HANG_MILLIS);
            ResponseReader reader = new ResponseReader(new BufferedInputStream(s.getInputStream(), 16 * 1024));
            try {
                OutputStream out = s.getOutputStream();
                out.write(kind.bytes());
                out.flush();
                if (kind.halfClose()) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                return name(ClientConnection.writeFailure(e));
            }
            try {
                return Integer.toString(reader.read(false).status());
            } catch (IOException e) {
                return name(ClientConnection.readFailure(e, reader.consumed()));
            }
        } catch (IOException e) {
            return "connect failed";
        }
    }

    private static String name(Outcome.Kind kind) {
        return kind.name().toLowerCase();
    }
}
