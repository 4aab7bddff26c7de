package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random values through every public endpoint at once: gallery paths, methods and queries from random client
 * addresses (127.x.y.z, a connection each), access-log POSTs with random client IPs, iotd image ids. Afterwards every
 * family's series stay under the library's cap of label combinations, the route values under the route cap, and each
 * app's heap after a full GC within 16 MiB of where it started.
 */
final class CardinalityScenario {

    /** The library's default cap of label combinations per metric, and of route values per request family. */
    static final int SERIES_CAP = 1000;
    static final int ROUTE_CAP = 100;
    static final long HEAP_GROWTH_KIB = 16 * 1024;
    private static final Set<String> SENTINELS = Set.of("NOT_FOUND", "UNMATCHED", "OVERFLOW");

    private final Topology topology;
    private final Settings settings;

    CardinalityScenario(Topology topology, Settings settings) {
        this.topology = topology;
        this.settings = settings;
    }

    ScenarioResult run() throws IOException, InterruptedException {
        int n = settings.attackRequests();
        ScenarioResult result = new ScenarioResult("cardinality", "Cardinality under attack");
        result.note(String.format("%,d requests to each of the gallery (random paths, one in ten with a random"
                + " method, one in three with a random query, one in ten GET / so the visit carries the random"
                + " address; every request from a random 127.x.y.z on a new connection), access-log (POST with a"
                + " random IPv4 or IPv6 clientIp) and iotd (random image ids, random queries on /image), %d clients"
                + " each. Heap: jcmd PID GC.run, then the \"used\" of every generation in jcmd PID GC.heap_info.", n,
                settings.attackClients()));
        List<String> apps = topology.apps();
        Map<String, Long> heapBefore = new LinkedHashMap<>();
        Map<String, Integer> seriesBefore = new LinkedHashMap<>();
        for (String app : apps) {
            heapBefore.put(app, Heap.usedAfterFullGcKib(topology.proc(app).pid()));
            seriesBefore.put(app, total(Scrape.of(topology.spec(app).metrics()).seriesPerFamily()));
        }
        Clients.Run gallery = Clients.start("attack-gallery", settings.attackClients(), galleryPlan(),
                Clients.Limits.requests(n));
        Clients.Run accessLog = Clients.start("attack-access-log", settings.attackClients(), accessLogPlan(),
                Clients.Limits.requests(n));
        Clients.Run iotd = Clients.start("attack-iotd", settings.attackClients(), iotdPlan(),
                Clients.Limits.requests(n));
        Map<String, Object> attacks = new LinkedHashMap<>();
        attacks.put("gallery", attack(result, "gallery", gallery));
        attacks.put("accessLog", attack(result, "access-log", accessLog));
        attacks.put("iotd", attack(result, "iotd", iotd));
        result.figure("requests", attacks);

        List<Map<String, Object>> perApp = new ArrayList<>();
        for (String app : apps) {
            Scrape s = Scrape.of(topology.spec(app).metrics());
            Map<String, Integer> series = s.seriesPerFamily();
            Map.Entry<String, Integer> largest = series.entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElseThrow();
            result.goal(app + ": every family under the cap of " + SERIES_CAP + " series", largest.getValue()
                    <= SERIES_CAP, "largest " + largest.getKey() + " with " + largest.getValue());
            String requests = s.types.keySet().stream().filter(f -> f.endsWith("_requests_total")
                    && !f.endsWith("_client_requests_total")).findFirst().orElse(null);
            long routes = requests == null ? 0 : s.values(requests, "route").stream()
                    .filter(r -> !SENTINELS.contains(r)).count();
            result.goal(app + ": route values under the route cap of " + ROUTE_CAP, routes <= ROUTE_CAP,
                    routes + " route values " + (requests == null ? "" : s.values(requests, "route")));
            long heapAfter = Heap.usedAfterFullGcKib(topology.proc(app).pid());
            long growth = heapAfter - heapBefore.get(app);
            result.goal(app + ": heap after a full GC within 16 MiB of where it started", growth <= HEAP_GROWTH_KIB,
                    String.format("%,d KiB -> %,d KiB (%+,d KiB)", heapBefore.get(app), heapAfter, growth));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("app", app);
            f.put("seriesBefore", seriesBefore.get(app));
            f.put("seriesAfter", total(series));
            f.put("largestFamily", largest.getKey());
            f.put("largestFamilySeries", largest.getValue());
            f.put("routeValues", routes);
            f.put("heapBeforeKiB", heapBefore.get(app));
            f.put("heapAfterKiB", heapAfter);
            s.samples.stream().filter(x -> x.name().equals("access_client_ip_current")).findFirst()
                    .ifPresent(x -> f.put("clientIpsRemembered", Math.round(x.value())));
            perApp.add(f);
        }
        result.figure("apps", perApp);
        return result;
    }

    private static Map<String, Object> attack(ScenarioResult result, String app, Clients.Run run)
            throws InterruptedException {
        List<Outcome> outcomes = run.await();
        Tally t = Tally.of(outcomes, run.elapsed());
        long serverErrors = outcomes.stream().filter(o -> o.complete() && o.status() >= 500
                && !o.marker().equals("injected")).count();
        result.goal(app + ": every hostile request answered completely, none with a 5xx (but the gallery's injected"
                + " failures)", t.failures() == 0 && serverErrors == 0, t.responsesByStatus() + ", "
                + t.failures() + " without a complete response " + t.failuresByKind());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tally", t);
        return f;
    }

    private Clients.Plan galleryPlan() {
        InetSocketAddress gallery = Topology.local(topology.ports.gallery());
        String host = "127.0.0.1:" + gallery.getPort();
        ClientConnection.Classifier injected = (status, body) -> status == 500
                && "Failed".equals(new String(body, StandardCharsets.UTF_8)) ? "injected" : "";
        return (c, r) -> {
            String path = r.nextInt(10) == 0 ? "/" : randomPath(r);
            String method = path.equals("/") || r.nextInt(10) != 0 ? "GET" : token(r, 3 + r.nextInt(8));
            if (r.nextInt(3) == 0 && !path.equals("/")) {
                path += "?" + token(r, 4).toLowerCase() + "=" + word(r, 1 + r.nextInt(16));
            }
            return new Clients.Shot(gallery, randomLoopback(r), Request.of(method, host, path, null, null), injected);
        };
    }

    private Clients.Plan accessLogPlan() {
        List<Integer> ports = topology.ports.accessLogs();
        return (c, r) -> {
            int port = ports.get(r.nextInt(ports.size()));
            String ip = r.nextInt(4) == 0 ? ipv6(r) : (1 + r.nextInt(254)) + "." + r.nextInt(256) + "."
                    + r.nextInt(256) + "." + (1 + r.nextInt(254));
            return Clients.shot(Topology.local(port), Request.postJson("127.0.0.1:" + port, "/access-log",
                    "{\"clientIp\": \"" + ip + "\"}"));
        };
    }

    private Clients.Plan iotdPlan() {
        InetSocketAddress iotd = Topology.local(topology.ports.iotd());
        String host = "127.0.0.1:" + iotd.getPort();
        return (c, r) -> Clients.shot(iotd, Request.get(host, r.nextInt(10) == 0
                ? "/image?" + word(r, 8) + "=" + word(r, 8) : "/images/" + word(r, 1 + r.nextInt(24))));
    }

    static String randomPath(SplittableRandom r) {
        StringBuilder p = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            p.append('/').append(word(r, 1 + r.nextInt(12)));
        }
        return p.toString();
    }

    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";

    static String word(SplittableRandom r, int length) {
        StringBuilder w = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (r.nextInt(20) == 0) {
                w.append(String.format("%%%02X", r.nextInt(256)));  // a percent-escape of any byte
            } else {
                w.append(WORD.charAt(r.nextInt(WORD.length())));
            }
        }
        return w.toString();
    }

    private static String token(SplittableRandom r, int length) {
        StringBuilder t = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            t.append((char) ('A' + r.nextInt(26)));
        }
        return t.toString();
    }

    private static String ipv6(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString(r.nextInt(0x10000)));
        }
        return s.toString();
    }

    private static InetAddress randomLoopback(SplittableRandom r) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) r.nextInt(256), (byte) r.nextInt(256),
                    (byte) (1 + r.nextInt(254))});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int total(Map<String, Integer> series) {
        return series.values().stream().mapToInt(Integer::intValue).sum();
    }
}
