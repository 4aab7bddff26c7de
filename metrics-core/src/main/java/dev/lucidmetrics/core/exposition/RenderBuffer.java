package dev.lucidmetrics.core.exposition;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The buffer a scrape is rendered into before it is sent: chunks that are never copied. The first chunk holds
 * {@value #FIRST} bytes and each next one as many as the chunks before it hold together, up to {@value #LARGEST}, so a
 * small scrape costs what it always did and a large one allocates its size plus less than one chunk. A
 * {@link java.io.ByteArrayOutputStream} doubles one array and copies it at each step instead: two to four times the
 * body in allocation, and up to three times its size held at once during a copy.
 */
final class RenderBuffer extends OutputStream {

    static final int FIRST = 8 * 1024;
    static final int LARGEST = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[FIRST];
    private int used;      // bytes in current
    private long before;   // bytes in the full chunks before current

    RenderBuffer() {
        chunks.add(current);
    }

    @Override
    public void write(int b) {
        if (used == current.length) {
            next();
        }
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (used == current.length) {
                next();
            }
            int n = Math.min(len, current.length - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** The bytes written so far. */
    long size() {
        return before + used;
    }

    /** The bytes allocated for chunks so far. */
    long capacity() {
        long total = 0;
        for (byte[] chunk : chunks) {
            total += chunk.length;
        }
        return total;
    }

    /** Writes every byte written so far to {@code out}, in order. */
    void writeTo(OutputStream out) throws IOException {
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk == current ? used : chunk.length);
        }
    }

    private void next() {
        before += current.length;
        current = new byte[(int) Math.min(LARGEST, before)];
        chunks.add(current);
        used = 0;
    }
}
