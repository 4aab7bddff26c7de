package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads and descriptors of a JVM, and which of its threads wait idle in a pool. */
class ProcCountsTest {

    private static final String DUMP = """
            2026-12-05 04:00:00
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6 mixed mode, sharing):

            "gallery-http-3" #27 prio=5 os_prio=0 cpu=1.23ms elapsed=12.34s tid=0x1 nid=0x1b2c waiting on condition
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \tat java.util.concurrent.LinkedBlockingQueue.poll(java.base@17.0.15/LinkedBlockingQueue.java:460)
            \tat java.util.concurrent.ThreadPoolExecutor.getTask(java.base@17.0.15/ThreadPoolExecutor.java:1061)

            "gallery-http-4" #28 prio=5 os_prio=0 cpu=1.23ms elapsed=12.34s tid=0x2 nid=0x1b2d runnable
               java.lang.Thread.State: RUNNABLE
            \tat sun.nio.ch.SocketDispatcher.read0(java.base@17.0.15/Native Method)
            \tat sun.net.httpserver.Request.readLine(jdk.httpserver@17.0.15/Request.java:76)
            \tat java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@17.0.15/ThreadPoolExecutor.java:1136)

            "lucid-metrics-http-1" #31 daemon prio=5 os_prio=0 tid=0x3 nid=0x1b30 waiting on condition
               java.lang.Thread.State: WAITING (parking)
            \tat java.util.concurrent.ThreadPoolExecutor.getTask(java.base@17.0.15/ThreadPoolExecutor.java:1062)

            "VM Thread" os_prio=0 cpu=10.00ms elapsed=20.00s tid=0x4 nid=0x1a00 runnable
            """;

    @Test
    void threadsWaitingForTheirPoolsNextTaskCountAsIdleAndAThreadReadingARequestDoesNot() {
        assertEquals(2, ProcCounts.idleInPools(DUMP));
    }

    @Test
    void aPoolsIdleThreadsAreCountedInARunningJvm() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++) {
                pool.submit(() -> { }).get();
            }
            ProcCounts counts = ProcCounts.of(ProcessHandle.current().pid());
            assertTrue(counts.idleInPools() >= 3, counts.toString());
            assertTrue(counts.threads() > counts.idleInPools() && counts.fds() >= 3, counts.toString());
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
