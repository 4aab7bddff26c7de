package dev.lucidmetrics.demo.iotd;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Settings;
import java.net.URI;
import java.time.Duration;

/**
 * The iotd settings, read from the environment; an invalid value fails at startup naming the variable.
 *
 * @param publicBaseUrl where a browser reaches this app, to build image URLs; null means http://localhost:PORT
 * @param apodKey the NASA APOD API key; null means the bundled catalogue only
 */
record IotdConfig(URI publicBaseUrl, Duration cacheTtl, Duration rotation, String apodKey, URI apodUrl,
        Duration apodTimeout) {

    static final int DEFAULT_PORT = 8011;

    static IotdConfig from(EnvConfig env) {
        URI base = env.raw("IMAGE_PUBLIC_BASE_URL") == null ? null : Settings.httpUrl(env, "IMAGE_PUBLIC_BASE_URL", null);
        return new IotdConfig(base,
                env.duration("CACHE_TTL", Duration.ofHours(2)),
                env.duration("ROTATION_PERIOD", Duration.ofDays(1)),
                env.raw("APOD_API_KEY"),
                Settings.httpUrl(env, "APOD_API_URL", "https://api.nasa.gov/planetary/apod"),
                env.duration("APOD_TIMEOUT", Duration.ofSeconds(3)));
    }
}
