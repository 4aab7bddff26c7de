package dev.lucidmetrics.reliability;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop clients: each one a thread that sends its next request as soon as the last one ended, over a
 * keep-alive connection per target, and records every {@link Outcome}. They run until the deadline, the request
 * budget or {@link Run#stop()}, whichever comes first.
 * <pre>{@code
 * Clients.Run run = Clients.start("gallery", 32, (client, random) -> Clients.shot(gallery, Request.get(host, "/")),
 *         Clients.Limits.lasting(Duration.ofSeconds(15)));
 * List<Outcome> outcomes = run.await();
 * }</pre>
 */
final class Clients {

    static final int TIMEOUT_MILLIS = 15_000;

    /** Where a client sends its next request; {@code local} non-null binds that client address on a new connection. */
    record Shot(InetSocketAddress target, InetAddress local, Request request, ClientConnection.Classifier classifier) {
    }

    /** Chooses a client's next request, on that client's thread; null ends that client. */
    interface Plan {
        Shot next(int client, SplittableRandom random);
    }

    /**
     * When clients stop: at {@code deadline} (nanoTime), after {@code budget} requests in all, and (when
     * {@code stopOnRefused}) a client at its first refused connect: the server has gone.
     */
    record Limits(long deadline, long budget, boolean stopOnRefused) {
        static Limits lasting(Duration d) {
            return new Limits(System.nanoTime() + d.toNanos(), Long.MAX_VALUE, false);
        }

        static Limits requests(long n) {
            return new Limits(Long.MAX_VALUE, n, false);
        }

        /** Until {@link Run#stop()} or a refused connect (within an hour at most). */
        static Limits untilRefused() {
            return new Limits(System.nanoTime() + Duration.ofHours(1).toNanos(), Long.MAX_VALUE, true);
        }

        boolean past(long now) {
            return deadline != Long.MAX_VALUE && now - deadline >= 0;
        }
    }

    private Clients() {
    }

    static Shot shot(InetSocketAddress target, Request request) {
        return new Shot(target, null, request, ClientConnection.Classifier.NONE);
    }

    static Run start(String name, int clients, Plan plan, Limits limits) {
        Run run = new Run(limits);
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> run.client(client, plan, new SplittableRandom(31L * client + 7)),
                    name + "-client-" + i);
            t.setDaemon(true);
            run.threads.add(t);
        }
        run.startNanos = System.nanoTime();
        run.threads.forEach(Thread::start);
        return run;
    }

    /** Running clients. */
    static final class Run {
        private final Limits limits;
        private final AtomicLong left;
        private final List<Thread> threads = new ArrayList<>();
        private final List<List<Outcome>> recorded = new ArrayList<>();
        private final AtomicLong completed = new AtomicLong();
        private volatile boolean stopping;
        private long startNanos;
        private long endNanos;

        private Run(Limits limits) {
            this.limits = limits;
            this.left = new AtomicLong(limits.budget());
        }

        /** Asks every client to stop after its current request. */
        void stop() {
            stopping = true;
        }

        /** Waits for every client to finish and returns all outcomes (in no particular order). */
        List<Outcome> await() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
            endNanos = System.nanoTime();
            List<Outcome> all = new ArrayList<>();
            synchronized (recorded) {
                recorded.forEach(all::addAll);
            }
            return all;
        }

        /** Requests that have ended so far, however they ended. */
        long completed() {
            return completed.get();
        }

        Duration elapsed() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        private void client(int client, Plan plan, SplittableRandom random) {
            List<Outcome> mine = new ArrayList<>();
            Map<InetSocketAddress, ClientConnection> connections = new HashMap<>();
            try {
                while (!stopping && !limits.past(System.nanoTime()) && left.getAndDecrement() > 0) {
                    Shot shot = plan.next(client, random);
                    if (shot == null) {
                        break;
                    }
                    Outcome o;
                    if (shot.local() != null) {
                        try (ClientConnection fresh = new ClientConnection(shot.target(), shot.local(),
                                TIMEOUT_MILLIS)) {
                            o = fresh.exchange(shot.request(), shot.classifier());
                        }
                    } else {
                        o = connections.computeIfAbsent(shot.target(),
                                t -> new ClientConnection(t, null, TIMEOUT_MILLIS))
                                .exchange(shot.request(), shot.classifier());
                    }
                    mine.add(o);
                    completed.incrementAndGet();
                    if (limits.stopOnRefused() && o.kind() == Outcome.Kind.REFUSED) {
                        break;
                    }
                }
            } finally {
                connections.values().forEach(ClientConnection::close);
                synchronized (recorded) {
                    recorded.add(mine);
                }
            }
        }
    }
}
