package dev.lucidmetrics.demo.iotd;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lucidmetrics.demo.support.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled images (generated SVGs, CC0) that iotd serves itself at {@code /images/{id}}, so the demo needs no
 * internet. The image of the day rotates every {@code rotation} period, counted from the Unix epoch.
 */
final class Catalogue {

    private static final String DIR = "/dev/lucidmetrics/demo/iotd/catalogue/";

    record Entry(String id, String file, String caption, String copyright) {
    }

    private final List<Entry> entries;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private Catalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            files.put(e.id(), read(e.file()));
        }
    }

    /** The catalogue bundled in this jar. */
    static Catalogue bundled() {
        try (InputStream in = resource("catalogue.json")) {
            return new Catalogue(Responses.JSON.readValue(in, new TypeReference<List<Entry>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled catalogue.json is unreadable: rebuild the jar.", e);
        }
    }

    /** The entry for the rotation period that contains {@code now}. */
    Entry at(Instant now, Duration rotation) {
        long slot = Math.floorDiv(now.toEpochMilli(), rotation.toMillis());
        return entries.get((int) Math.floorMod(slot, (long) entries.size()));
    }

    /** The SVG bytes of image {@code id}, or null for an id not in the catalogue. */
    byte[] file(String id) {
        return files.get(id);
    }

    List<Entry> entries() {
        return entries;
    }

    private static byte[] read(String file) {
        try (InputStream in = resource(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled image " + file + " is unreadable: rebuild the jar.", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Catalogue.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IOException(DIR + name + " is not on the class path");
        }
        return in;
    }
}
