package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RenderBufferTest {

    @RepeatedTest(200)
    void givesBackEveryByteInOrderWhateverTheWrites(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        int total = random.nextInt(repetition.getCurrentRepetition() % 10 == 0 ? 3_000_000 : 40_000);
        RenderBuffer buffer = new RenderBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        while (expected.size() < total) {
            if (random.nextInt(4) == 0) {
                int b = random.nextInt(256);
                buffer.write(b);
                expected.write(b);
            } else {
                byte[] bytes = new byte[random.nextInt(random.nextBoolean() ? 100 : 70_000)];
                random.nextBytes(bytes);
                int off = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                int len = random.nextInt(bytes.length - off + 1);
                buffer.write(bytes, off, len);
                expected.write(bytes, off, len);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        buffer.writeTo(out);

        assertEquals(expected.size(), buffer.size());
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
    }

    @Test
    void smallScrapeTakesOneChunkOfEightKibibytes() {
        RenderBuffer buffer = new RenderBuffer();
        buffer.write(new byte[5_000], 0, 5_000);

        assertEquals(RenderBuffer.FIRST, buffer.capacity());
    }

    @Test
    void largeScrapeAllocatesItsSizePlusLessThanOneChunk() {
        RenderBuffer buffer = new RenderBuffer();
        byte[] block = new byte[10_000];
        for (int i = 0; i < 6_800; i++) {   // 68 MB, about a million series of text
            buffer.write(block, 0, block.length);
        }

        assertEquals(68_000_000L, buffer.size());
        assertTrue(buffer.capacity() < 68_000_000L + RenderBuffer.LARGEST,
                "allocated " + buffer.capacity() + " bytes for 68,000,000");
    }

    @Test
    void refusesARangeOutsideTheArray() {
        RenderBuffer buffer = new RenderBuffer();

        assertThrows(IndexOutOfBoundsException.class, () -> buffer.write(new byte[4], 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.write(new byte[4], -1, 1));
        assertEquals(0, buffer.size());
    }
}
