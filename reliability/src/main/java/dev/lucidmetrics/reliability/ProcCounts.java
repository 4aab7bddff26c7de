package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * An app's threads and open file descriptors, as Linux counts them ({@code /proc/PID/task}, {@code /proc/PID/fd}),
 * and how many of those threads sit idle in a pool ({@code jcmd PID Thread.print}: parked in
 * {@code ThreadPoolExecutor.getTask}), which end after the pool's keep-alive (30 s in the demos' pools, 60 s in the
 * metrics server's) or take the next request. "Busy" threads are the others: what a stuck request would add to.
 */
record ProcCounts(int threads, int idleInPools, int fds) {

    private static final String IDLE_FRAME = ".ThreadPoolExecutor.getTask(";

    /** Counts now: the thread dump first, so that the attach listener it starts is counted by /proc too. */
    static ProcCounts of(long pid) throws IOException, InterruptedException {
        int idle = idleInPools(Jcmd.run(pid, "Thread.print"));
        return new ProcCounts(entries(Path.of("/proc", Long.toString(pid), "task")), idle,
                entries(Path.of("/proc", Long.toString(pid), "fd")));
    }

    /** Polls until busy threads and descriptors are back within {@code slack} of {@code before}, for {@code within}. */
    static ProcCounts settle(long pid, ProcCounts before, int slack, Duration within)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            ProcCounts now = ProcCounts.of(pid);
            boolean back = now.busyThreads() <= before.busyThreads() + slack && now.fds() <= before.fds() + slack;
            if (back || System.nanoTime() - end > 0) {
                return now;
            }
            Proc.pause(Duration.ofMillis(250));
        }
    }

    int busyThreads() {
        return threads - idleInPools;
    }

    /** The threads of a {@code Thread.print} dump whose stack is a pool's wait for its next task. */
    static int idleInPools(String threadDump) {
        int idle = 0;
        for (String entry : threadDump.split("\\R\\s*\\R")) {
            if (entry.startsWith("\"") && entry.contains(IDLE_FRAME)) {
                idle++;
            }
        }
        return idle;
    }

    private static int entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " (is the process still running?)", e);
        }
    }
}
