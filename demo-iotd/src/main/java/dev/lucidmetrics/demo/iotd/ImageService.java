package dev.lucidmetrics.demo.iotd;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The image of the day with a cache: one image per instance for the cache TTL, like the original. Loads are counted in
 * {@code iotd_api_image_load_total{status}}: {@code success} (from the source: APOD when configured, else the
 * catalogue), {@code cached}, {@code fallback} (APOD failed, the catalogue answered; kept only for a short while so
 * APOD is retried soon).
 */
final class ImageService {

    static final Duration FALLBACK_TTL = Duration.ofMinutes(10);

    private final Catalogue catalogue;
    private final Optional<ApodSource> apod;
    private final Duration ttl;
    private final Duration rotation;
    private final Clock clock;
    private final Supplier<URI> publicBase;
    private final Counter.Child success;
    private final Counter.Child cached;
    private final Counter.Child fallback;
    private final Histogram duration;
    private Image current;
    private Instant expires = Instant.MIN;

    ImageService(AppMetrics app, Catalogue catalogue, Optional<ApodSource> apod, IotdConfig config, Clock clock,
            Supplier<URI> publicBase) {
        this.catalogue = catalogue;
        this.apod = apod;
        this.ttl = config.cacheTtl();
        this.rotation = config.rotation();
        this.clock = clock;
        this.publicBase = publicBase;
        Counter loads = app.counter("image_load_total")
                .help("Image-of-the-day loads: success (from the source), cached, fallback (source failed).")
                .labelNames("status").register();
        this.success = loads.labels("success");
        this.cached = loads.labels("cached");
        this.fallback = loads.labels("fallback");
        this.duration = app.histogram("image_load_duration_seconds")
                .help("Time to load the image of the day from its source on a cache miss, in seconds.").register();
    }

    /** The image of the day, from the cache while it is fresh. */
    synchronized Image current() {
        Instant now = clock.instant();
        if (current != null && now.isBefore(expires)) {
            cached.inc();
            return current;
        }
        try (Timer t = duration.startTimer()) {
            Optional<Image> fromApod = apod.flatMap(ApodSource::fetch);
            if (fromApod.isPresent()) {
                success.inc();
                return remember(fromApod.get(), now, ttl);
            }
            Image fromCatalogue = fromCatalogue(now);
            if (apod.isPresent()) {
                fallback.inc();
                return remember(fromCatalogue, now, ttl.compareTo(FALLBACK_TTL) < 0 ? ttl : FALLBACK_TTL);
            }
            success.inc();
            return remember(fromCatalogue, now, ttl);
        }
    }

    private Image remember(Image image, Instant now, Duration keep) {
        current = image;
        expires = now.plus(keep);
        return image;
    }

    private Image fromCatalogue(Instant now) {
        Catalogue.Entry e = catalogue.at(now, rotation);
        String base = publicBase.get().toString().replaceAll("/+$", "");
        return new Image(base + "/images/" + e.id(), e.caption(), e.copyright());
    }
}
