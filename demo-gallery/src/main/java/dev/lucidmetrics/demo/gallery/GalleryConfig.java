package dev.lucidmetrics.demo.gallery;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The gallery settings, read from the environment; an invalid value fails at startup naming the variable.
 * {@code ACCESS_API_URL} may list several access-log replicas, comma-separated; visits go to them in turn.
 */
record GalleryConfig(URI imageApi, List<URI> accessApis, double failureRate, Duration imageTimeout,
        Duration accessTimeout) {

    static final int DEFAULT_PORT = 8010;

    static GalleryConfig from(EnvConfig env) {
        return new GalleryConfig(Settings.httpUrl(env, "IMAGE_API_URL", "http://localhost:8011/image"),
                Settings.httpUrls(env, "ACCESS_API_URL", "http://localhost:8012/access-log"),
                Settings.ratio(env, "FAILURE_RATE", 0.1),
                env.duration("IMAGE_API_TIMEOUT", Duration.ofMillis(1500)),
                env.duration("ACCESS_API_TIMEOUT", Duration.ofSeconds(1)));
    }
}
