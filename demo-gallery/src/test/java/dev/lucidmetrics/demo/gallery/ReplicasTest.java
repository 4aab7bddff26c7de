package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which URL each visit goes to, with a DNS the test writes and a clock it moves. */
class ReplicasTest {

    private static final URI ACCESS_LOG = URI.create("http://accesslog:8012/access-log");
    private static final long REFRESH = Replicas.REFRESH.toNanos();

    private final Map<String, List<InetAddress>> dns = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final Queue<Runnable> background = new ArrayDeque<>();

    private final Replicas.Resolver resolver = host -> {
        lookups.add(host);
        List<InetAddress> answer = dns.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return answer;
    };

    private static InetAddress ip(String address) {
        try {
            return InetAddress.getByName(address);   // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static List<InetAddress> ips(String... addresses) {
        return java.util.Arrays.stream(addresses).map(ReplicasTest::ip).toList();
    }

    /** Replicas whose lookups run at once, in the calling thread. */
    private Replicas replicas(URI... configured) {
        return new Replicas(List.of(configured), resolver, Runnable::run, clock::get);
    }

    private static Map<String, Integer> hostsOf(Replicas r, int visits) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < visits; i++) {
            counts.merge(r.next().getHost(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aNameWithThreeAddressesSpreadsTheVisitsEvenlyOverThem() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5", "172.20.0.6"));
        Replicas r = replicas(ACCESS_LOG);
        assertEquals(List.of(URI.create("http://172.20.0.4:8012/access-log"),
                URI.create("http://172.20.0.5:8012/access-log"), URI.create("http://172.20.0.6:8012/access-log")),
                r.current());
        assertEquals(Map.of("172.20.0.4", 100, "172.20.0.5", 100, "172.20.0.6", 100), hostsOf(r, 300));
    }

    @Test
    void theNameIsLookedUpAgainOnlyOnceTheRefreshIntervalHasPassed() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        Replicas r = replicas(ACCESS_LOG);
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5", "172.20.0.6"));
        clock.addAndGet(REFRESH - 1);
        assertEquals(Map.of("172.20.0.4", 50, "172.20.0.5", 50), hostsOf(r, 100));
        assertEquals(1, lookups.size(), "one lookup, at start");
        clock.addAndGet(1);
        r.next();
        assertEquals(2, lookups.size(), "looked up again after " + Replicas.REFRESH);
        assertEquals(Map.of("172.20.0.4", 30, "172.20.0.5", 30, "172.20.0.6", 30), hostsOf(r, 90));
        assertEquals(2, lookups.size(), "not again before the next interval");
    }

    @Test
    void anAnswerInAnotherOrderAtEveryLookupKeepsTheTurnsEven() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        Replicas r = replicas(ACCESS_LOG);
        Map<String, Integer> counts = new TreeMap<>();
        for (int lookup = 0; lookup < 20; lookup++) {   // Compose's DNS shuffles its answer; here the worst order
            dns.put("accesslog", lookup % 2 == 0 ? ips("172.20.0.4", "172.20.0.5") : ips("172.20.0.5", "172.20.0.4"));
            clock.addAndGet(REFRESH);
            counts.merge(r.next().getHost(), 1, Integer::sum);
        }
        assertEquals(Map.of("172.20.0.4", 10, "172.20.0.5", 10), counts);
    }

    @Test
    void aRemovedReplicaGetsNoVisitAfterTheNextRefresh() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5", "172.20.0.6"));
        Replicas r = replicas(ACCESS_LOG);
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.6"));
        clock.addAndGet(REFRESH);
        r.next();
        assertEquals(Map.of("172.20.0.4", 10, "172.20.0.6", 10), hostsOf(r, 20));
    }

    @Test
    void aPageNeverWaitsForALookupAndOnlyOneRunsAtATime() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        Replicas r = new Replicas(List.of(ACCESS_LOG), resolver, background::add, clock::get);
        dns.put("accesslog", ips("172.20.0.6", "172.20.0.7"));
        clock.addAndGet(REFRESH);
        assertEquals(Map.of("172.20.0.4", 5, "172.20.0.5", 5), hostsOf(r, 10), "the old addresses until it is done");
        assertEquals(1, background.size(), "one lookup queued for ten visits");
        background.remove().run();
        assertEquals(Map.of("172.20.0.6", 5, "172.20.0.7", 5), hostsOf(r, 10));
        assertEquals(0, background.size(), "the new answer is fresh");
    }

    @Test
    void aRefusedLookupKeepsTheAddressesAndIsTriedAgainOnTheNextVisit() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        boolean[] stopping = {true};
        Executor refresher = task -> {
            if (stopping[0]) {
                throw new RejectedExecutionException("stopped");
            }
            task.run();
        };
        Replicas r = new Replicas(List.of(ACCESS_LOG), resolver, refresher, clock::get);
        dns.put("accesslog", ips("172.20.0.6", "172.20.0.7"));
        clock.addAndGet(REFRESH);
        assertEquals(Map.of("172.20.0.4", 1, "172.20.0.5", 1), hostsOf(r, 2));
        stopping[0] = false;
        r.next();
        assertEquals(Map.of("172.20.0.6", 1, "172.20.0.7", 1), hostsOf(r, 2));
    }

    @Test
    void aNameThatStopsResolvingIsVisitedAsConfiguredSoTheClientReportsTheFailure() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        Replicas r = replicas(ACCESS_LOG);
        dns.remove("accesslog");
        clock.addAndGet(REFRESH);
        r.next();
        assertEquals(List.of(ACCESS_LOG), r.current());
    }

    @Test
    void oneAddressLeavesTheUrlAsConfigured() {
        dns.put("accesslog", ips("172.20.0.4"));
        assertEquals(List.of(ACCESS_LOG), replicas(ACCESS_LOG).current());
    }

    @Test
    void severalConfiguredUrlsAreVisitedInTurnAndEachNameIsSpread() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        dns.put("localhost", ips("127.0.0.1"));
        Replicas r = replicas(ACCESS_LOG, URI.create("http://localhost:8013/access-log"));
        assertEquals(List.of(URI.create("http://172.20.0.4:8012/access-log"),
                URI.create("http://172.20.0.5:8012/access-log"), URI.create("http://localhost:8013/access-log")),
                r.current());
    }

    @Test
    void onlyAddressesOfTheFirstAddressesFamilyAreUsed() {
        dns.put("localhost", ips("127.0.0.1", "::1"));
        URI local = URI.create("http://localhost:8012/access-log");
        assertEquals(List.of(local), replicas(local).current(), "an app on 0.0.0.0 does not answer on ::1");
        dns.put("accesslog", ips("fd00::4", "fd00::5", "172.20.0.6"));
        assertEquals(List.of(URI.create("http://[fd00:0:0:0:0:0:0:4]:8012/access-log"),
                URI.create("http://[fd00:0:0:0:0:0:0:5]:8012/access-log")), replicas(ACCESS_LOG).current());
    }

    @Test
    void theRestOfTheUrlIsKeptAsWritten() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        URI url = URI.create("http://user@accesslog/a%20log?x=1%262");
        assertEquals(URI.create("http://user@172.20.0.4/a%20log?x=1%262"), replicas(url).current().get(0));
    }

    @Test
    void httpsUrlsKeepTheirHostNameForTheCertificate() {
        dns.put("accesslog", ips("172.20.0.4", "172.20.0.5"));
        URI tls = URI.create("https://accesslog:8443/access-log");
        assertEquals(List.of(tls), replicas(tls).current());
        assertEquals(List.of(), lookups);
    }
}
