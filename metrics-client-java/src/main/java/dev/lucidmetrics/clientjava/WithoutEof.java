package dev.lucidmetrics.clientjava;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes a client_java OpenMetrics writer's output through to the scrape's stream, holding back the last bytes until
 * the end so that its "# EOF" line is left out: the scrape writes one "# EOF" of its own after all families, and
 * nothing is buffered beyond those few bytes.
 */
final class WithoutEof extends OutputStream {

    static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] held = new byte[EOF.length];
    private int heldCount;

    WithoutEof(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int total = heldCount + len;
        int release = Math.max(0, total - held.length);   // what can no longer be part of the last EOF.length bytes
        int fromHeld = Math.min(release, heldCount);
        out.write(held, 0, fromHeld);
        out.write(b, off, release - fromHeld);
        // keep the remaining held bytes, then the tail of b
        System.arraycopy(held, fromHeld, held, 0, heldCount - fromHeld);
        heldCount -= fromHeld;
        int fromB = len - (release - fromHeld);
        System.arraycopy(b, off + len - fromB, held, heldCount, fromB);
        heldCount += fromB;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the writer's output: what is held must be its "# EOF" line, which is dropped. */
    void finish() throws IOException {
        if (heldCount != EOF.length || !Arrays.equals(held, EOF)) {
            throw new IllegalStateException("client_java's OpenMetrics writer did not end its output with # EOF");
        }
        heldCount = 0;
    }
}
