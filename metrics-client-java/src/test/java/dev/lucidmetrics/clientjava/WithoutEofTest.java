package dev.lucidmetrics.clientjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WithoutEofTest {

    private static final String FAMILIES = "# TYPE shop_orders counter\nshop_orders_total 3.0\n";

    @Test
    void theWritersEofLineIsLeftOutWhateverTheChunksItArrivesIn() throws IOException {
        byte[] written = (FAMILIES + "# EOF\n").getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= written.length; chunk++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WithoutEof stream = new WithoutEof(out);
            for (int off = 0; off < written.length; off += chunk) {
                stream.write(written, off, Math.min(chunk, written.length - off));
            }
            stream.finish();
            assertEquals(FAMILIES, out.toString(StandardCharsets.UTF_8), "chunks of " + chunk);
        }
    }

    @Test
    void outputWithoutAnEofLineIsAnError() throws IOException {
        WithoutEof stream = new WithoutEof(new ByteArrayOutputStream());
        stream.write(FAMILIES.getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, stream::finish);
    }
}
