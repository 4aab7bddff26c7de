package dev.lucidmetrics.demo.gallery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The access-log replicas that visits go to in turn: each configured URL, and, when its host name resolves to several
 * addresses (Compose's DNS answers one A record per replica of {@code --scale accesslog=3}), one URL per address. The
 * HTTP client keeps a pooled connection per address, so a name it resolved once would send every visit down the
 * same connection to one replica; an address per URL spreads them.
 * <p>Names are looked up again at most every {@link #REFRESH}, in the background: a page never waits for DNS. A
 * replica added or removed is visited, or no longer, within {@code REFRESH} plus the JVM's own DNS cache time (30 s
 * unless the operator sets {@code networkaddress.cache.ttl}; the demo sets no JVM-wide property). A name that does not resolve, or resolves to one address, is kept as configured (the
 * client resolves it and reports a failure as usual), and so is an https URL, whose certificate names the host.
 */
final class Replicas {

    /** Looks up every address of a host name: {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));
    }

    /** How old the addresses may get before a visit asks for them again (Prometheus's DNS refresh here is 5 s too). */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final List<URI> configured;
    private final Resolver resolver;
    private final Executor refresher;
    private final LongSupplier nanoTime;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile List<URI> current;
    private volatile long resolvedAt;

    /** Resolves the names once, here, then again from {@code refresher} when a visit finds them older than REFRESH. */
    Replicas(List<URI> configured, Resolver resolver, Executor refresher, LongSupplier nanoTime) {
        this.configured = List.copyOf(configured);
        this.resolver = resolver;
        this.refresher = refresher;
        this.nanoTime = nanoTime;
        this.resolvedAt = nanoTime.getAsLong();
        this.current = expand();
    }

    /** The URL of the next visit: the replicas in turn. */
    URI next() {
        if (nanoTime.getAsLong() - resolvedAt >= REFRESH.toNanos()) {
            refreshInBackground();
        }
        List<URI> urls = current;
        return urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
    }

    /** The URLs visits go to now. */
    List<URI> current() {
        return current;
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;   // one lookup at a time; the others use the addresses they have
        }
        try {
            refresher.execute(() -> {
                try {
                    current = expand();
                    resolvedAt = nanoTime.getAsLong();
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.set(false);   // stopping: the addresses at hand will do
        }
    }

    private List<URI> expand() {
        List<URI> urls = new ArrayList<>();
        for (URI url : configured) {
            urls.addAll(byAddress(url));
        }
        return List.copyOf(urls);
    }

    private List<URI> byAddress(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            return List.of(url);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException | RuntimeException e) {
            return List.of(url);
        }
        // The family of the first address, the one the client would use: "localhost" also names ::1, where an app
        // listening on 0.0.0.0 does not answer.
        // Sorted: Compose's DNS shuffles its answer, and a new order at every lookup would skew the turns.
        boolean v4 = !addresses.isEmpty() && addresses.get(0) instanceof Inet4Address;
        List<URI> urls = addresses.stream().filter(a -> (a instanceof Inet4Address) == v4)
                .sorted(Comparator.comparing(InetAddress::getHostAddress)).map(a -> withHost(url, a)).toList();
        return urls.size() > 1 ? urls : List.of(url);
    }

    /** {@code url} with {@code address} for its host; the rest (user, port, path, query) as it was, still encoded. */
    static URI withHost(URI url, InetAddress address) {
        String host = address instanceof Inet6Address
                ? "[" + address.getHostAddress().replaceFirst("%.*$", "") + "]" : address.getHostAddress();
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String user = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
        return URI.create(url.getScheme() + "://" + user + host + port + url.getRawPath() + query);
    }
}
