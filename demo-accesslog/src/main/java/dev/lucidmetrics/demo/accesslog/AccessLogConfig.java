package dev.lucidmetrics.demo.accesslog;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.demo.support.Settings;
import java.time.Duration;

/** The access-log settings, read from the environment; an invalid value fails at startup naming the variable. */
record AccessLogConfig(Duration clientIpWindow, int clientIpMax, int recentEntries) {

    static final int DEFAULT_PORT = 8012;
    /** Bodies larger than this are refused with 413. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static AccessLogConfig from(EnvConfig env) {
        return new AccessLogConfig(env.duration("CLIENT_IP_WINDOW", Duration.ofHours(1)),
                Settings.integer(env, "CLIENT_IP_MAX", 10_000, 1, 1_000_000),
                Settings.integer(env, "RECENT_ENTRIES", 20, 0, 1000));
    }
}
