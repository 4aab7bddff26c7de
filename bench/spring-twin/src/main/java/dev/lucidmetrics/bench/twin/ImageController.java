package dev.lucidmetrics.bench.twin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * demo-iotd's behaviour the Spring way: GET /image answers {url, caption, copyright} for the catalogue entry of the
 * current day (rotation from the epoch, as demo-iotd), cached per instance for two hours, counted in
 * {@code iotd_api_image_load_total{status}} and timed on a miss; GET /images/{id} serves the bundled SVG. The
 * catalogue is demo-iotd's own, copied in at build time (see the pom).
 */
@RestController
class ImageController {
    record Entry(String id, String file, String caption, String copyright) {
    }

    record Image(String url, String caption, String copyright) {
    }

    private static final String DIR = "/catalogue/";
    private static final Duration CACHE_FOR = Duration.ofHours(2);
    private static final Duration ROTATION = Duration.ofDays(1);

    private final List<Entry> catalogue;
    private final Map<String, byte[]> files = new HashMap<>();
    private final String base;
    private final Counter success;
    private final Counter cachedLoads;
    private final Timer loadTimer;
    private final Clock clock = Clock.systemUTC();
    private Image cached;
    private Instant cachedUntil = Instant.MIN;

    ImageController(MeterRegistry registry, ObjectMapper json, @Value("${server.port}") int port) throws IOException {
        this.catalogue = List.of(json.readValue(resource("catalogue.json"), Entry[].class));
        for (Entry e : catalogue) {
            try (InputStream in = resource(e.file())) {
                files.put(e.id(), in.readAllBytes());
            }
        }
        this.base = "http://localhost:" + port;
        this.success = Counter.builder("iotd.api.image.load").tag("status", "success").register(registry);
        this.cachedLoads = Counter.builder("iotd.api.image.load").tag("status", "cached").register(registry);
        this.loadTimer = Timer.builder("iotd.api.image.load.duration").register(registry);
    }

    @GetMapping("/image")
    synchronized Image image() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cachedUntil)) {
            cachedLoads.increment();
            return cached;
        }
        return loadTimer.record(() -> {
            long slot = Math.floorDiv(now.toEpochMilli(), ROTATION.toMillis());
            Entry e = catalogue.get((int) Math.floorMod(slot, (long) catalogue.size()));
            cached = new Image(base + "/images/" + e.id(), e.caption(), e.copyright());
            cachedUntil = now.plus(CACHE_FOR);
            success.increment();
            return cached;
        });
    }

    @GetMapping("/images/{id}")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        byte[] svg = files.get(id);
        if (svg == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(svg);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ImageController.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IOException(DIR + name + " is not on the class path: build with the demo-iotd sources beside"
                    + " bench/ (the pom copies demo-iotd's catalogue).");
        }
        return in;
    }
}
