package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** How the dependencies scenario sees a recovery begin, one probe per kind of fault. */
final class Recoveries {

    /** Prometheus applies its scrape targets at the first tick of its 5 s reload interval after start-up. */
    static final Duration PROMETHEUS_SCRAPING_AGAIN = Duration.ofSeconds(15);

    private Recoveries() {
    }

    /** The gallery's client calls so far, from its own metrics, keyed "target code". */
    static Map<String, Double> clientCalls(Topology topology) throws IOException, InterruptedException {
        Map<String, Double> m = new TreeMap<>();
        for (Scrape.Sample s : Scrape.of(topology.spec(Topology.GALLERY).metrics()).samples) {
            if (s.name().equals(DependencyScenario.CLIENT)) {
                m.merge(s.labels().get("target") + " " + s.labels().get("code"), s.value(), Double::sum);
            } else if (s.name().equals(DependencyScenario.SKIPPED)) {
                m.merge(s.labels().get("target") + " skipped", s.value(), Double::sum);
            }
        }
        return m;
    }

    /**
     * The gallery back from iotd's faults: from the return, a new page every 10 ms on a connection of its own (open
     * loop, so the clients' pages still waiting out iotd's timeout do not delay it) until one has the picture,
     * within the settle period. Its pages are kept, to be counted with the clients'.
     */
    static final class FirstPicture implements Faults.Probe {
        private final InetSocketAddress gallery;
        private final Request page;
        private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

        FirstPicture(InetSocketAddress gallery, Request page) {
            this.gallery = gallery;
            this.page = page;
        }

        List<Outcome> outcomes() {
            synchronized (outcomes) {
                return List.copyOf(outcomes);
            }
        }

        @Override
        public void arm() {
        }

        @Override
        public Double sinceReturnMs(long returned) throws InterruptedException {
            long deadline = returned + Faults.SETTLE.toNanos();
            List<Outcome> mine = Collections.synchronizedList(new ArrayList<>());
            ExecutorService probes = Executors.newCachedThreadPool();
            try {
                while (System.nanoTime() - deadline < 0 && pictures(mine).isEmpty()) {
                    probes.execute(() -> {
                        try (ClientConnection c = new ClientConnection(gallery, null, Clients.TIMEOUT_MILLIS)) {
                            mine.add(c.exchange(page, DependencyScenario::page));
                        }
                    });
                    Proc.pause(Duration.ofMillis(10));
                }
            } finally {
                probes.shutdown();
                probes.awaitTermination(Clients.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
            outcomes.addAll(mine);
            return pictures(mine).stream().mapToLong(o -> o.endNanos() - returned).min().stream()
                    .mapToObj(n -> n / 1e6).findFirst().orElse(null);
        }

        private static List<Outcome> pictures(List<Outcome> outcomes) {
            synchronized (outcomes) {
                return outcomes.stream().filter(o -> o.marker().equals("picture")).toList();
            }
        }
    }

    /** access-log back: from SIGCONT until the gallery counts an accepted visit (201) again, within the settle. */
    static final class AcceptedVisit implements Faults.Probe {
        private final Topology topology;
        private double accepted;

        AcceptedVisit(Topology topology) {
            this.topology = topology;
        }

        @Override
        public void arm() throws IOException, InterruptedException {
            accepted = clientCalls(topology).getOrDefault("access-log 201", 0.0);
        }

        @Override
        public Double sinceReturnMs(long returned) throws IOException, InterruptedException {
            long deadline = returned + Faults.SETTLE.toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (clientCalls(topology).getOrDefault("access-log 201", 0.0) > accepted) {
                    return (System.nanoTime() - returned) / 1e6;
                }
                Proc.pause(Duration.ofMillis(20));
            }
            return null;
        }
    }

    /** Prometheus back: from ready until every target has a sample scraped after it. */
    static final class FreshScrapes implements Faults.Probe {
        private final PromApi prometheus;
        private final int targets;

        FreshScrapes(PromApi prometheus, int targets) {
            this.prometheus = prometheus;
            this.targets = targets;
        }

        @Override
        public void arm() {
        }

        @Override
        public Double sinceReturnMs(long returned) throws InterruptedException {
            long deadline = returned + PROMETHEUS_SCRAPING_AGAIN.toNanos();
            double ready = PromApi.epochSeconds(returned);
            while (System.nanoTime() - deadline < 0) {
                try {
                    List<PromApi.Result> r = prometheus.query("count(timestamp(up) >= " + ready + ")",
                            System.currentTimeMillis() / 1000.0);
                    if (!r.isEmpty() && r.get(0).value() >= targets) {
                        return (System.nanoTime() - returned) / 1e6;
                    }
                } catch (IOException e) {
                    // not answering queries yet
                }
                Proc.pause(Duration.ofMillis(20));
            }
            return null;
        }
    }
}
