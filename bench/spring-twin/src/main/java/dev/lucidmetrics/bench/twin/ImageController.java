package dev.lucidmetrics.bench.twin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /image: the image of the day from the bundled catalogue (the same file demo-iotd ships), cached per instance
 * for two hours, counted in {@code iotd_api_image_load_total{status="success"|"cached"}} and timed.
 */
@RestController
class ImageController {
    record Image(String url, String caption, String copyright) {
    }

    private static final Duration CACHE_FOR = Duration.ofHours(2);

    private final List<Image> catalogue;
    private final Counter loadedFromSource;
    private final Counter loadedFromCache;
    private final Timer loadTimer;
    private final Clock clock = Clock.systemUTC();
    private Image cached;
    private Instant cachedUntil = Instant.MIN;

    ImageController(MeterRegistry registry, ObjectMapper json) throws IOException {
        try (InputStream in = ImageController.class.getResourceAsStream("/catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.json is missing from the class path");
            }
            this.catalogue = List.of(json.readValue(in, Image[].class));
        }
        this.loadedFromSource = Counter.builder("iotd.api.image.load").tag("status", "success").register(registry);
        this.loadedFromCache = Counter.builder("iotd.api.image.load").tag("status", "cached").register(registry);
        this.loadTimer = Timer.builder("iotd.api.image.load.duration").register(registry);
    }

    @GetMapping("/image")
    synchronized Image image() {
        return loadTimer.record(() -> {
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cachedUntil)) {
                loadedFromCache.increment();
                return cached;
            }
            long day = now.getEpochSecond() / 86_400;
            cached = catalogue.get((int) (day % catalogue.size()));
            cachedUntil = now.plus(CACHE_FOR);
            loadedFromSource.increment();
            return cached;
        });
    }
}
