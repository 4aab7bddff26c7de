package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's heap in use right after a full collection: {@code jcmd PID GC.run}, then {@code jcmd PID GC.heap_info},
 * adding the "used" of every generation (or region) it lists; Metaspace is not heap and is left out.
 */
final class Heap {

    private static final Pattern USED = Pattern.compile("(?m)^\\s*(\\S.*?)\\s+total (\\d+)K, used (\\d+)K");

    private Heap() {
    }

    /** KiB of heap in use after a full GC. */
    static long usedAfterFullGcKib(long pid) throws IOException, InterruptedException {
        Jcmd.run(pid, "GC.run");
        return usedKib(Jcmd.run(pid, "GC.heap_info"));
    }

    /** The sum of "used NK" over the heap's generations in {@code GC.heap_info} output. */
    static long usedKib(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        long used = 0;
        boolean any = false;
        while (m.find()) {
            used += Long.parseLong(m.group(3));
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("no \"total NK, used NK\" line in GC.heap_info output:\n" + heapInfo);
        }
        return used;
    }
}
