package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeapTest {

    @Test
    void addsTheUsedOfEveryGenerationOfTheSerialCollectorButNotMetaspace() {
        String serial = String.join("\n", "12345:",
                " def new generation   total 4928K, used 312K [0x00000000f8000000, 0x00000000f8550000)",
                "  eden space 4416K,   7% used [0x00000000f8000000, 0x00000000f8050000)",
                " tenured generation   total 10944K, used 6432K [0x00000000fd550000, 0x00000000fe000000)",
                " Metaspace       used 12345K, committed 12800K, reserved 1114112K",
                "  class space    used 1234K, committed 1408K, reserved 1048576K");
        assertEquals(312 + 6432, Heap.usedKib(serial));
    }

    @Test
    void readsTheG1HeapLineToo() {
        assertEquals(20480, Heap.usedKib("1:\n garbage-first heap   total 262144K, used 20480K [0x0, 0x0)\n"
                + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n Metaspace used 1K, committed 2K"));
    }

    @Test
    void outputWithoutAHeapLineIsAnErrorQuotingIt() {
        assertEquals("no \"total NK, used NK\" line in GC.heap_info output:\n1: not a JVM",
                assertThrows(IllegalArgumentException.class, () -> Heap.usedKib("1: not a JVM")).getMessage());
    }
}
