package dev.lucidmetrics.core.config;

import dev.lucidmetrics.core.internal.BasicAuthRule;
import dev.lucidmetrics.core.internal.VirtualThreads;

/** Reads {@link MetricsConfig} from environment variables: a variable that is unset leaves its setting unset. */
final class MetricsEnvironment {

    private MetricsEnvironment() {
    }

    static MetricsConfig read(EnvConfig env) {
        MetricsConfig.Builder b = MetricsConfig.builder();
        if (env.raw("METRICS_PORT") != null) {
            b.port(env.port("METRICS_PORT", 0));
        }
        if (env.raw("METRICS_HOST") != null) {
            b.host(env.raw("METRICS_HOST"));
        }
        if (env.raw("METRICS_PATH") != null) {
            b.path(env.path("METRICS_PATH", null));
        }
        if (env.raw("APP_VERSION") != null) {
            b.version(env.raw("APP_VERSION"));
        }
        if (env.raw("APP_REVISION") != null) {
            b.revision(env.raw("APP_REVISION"));
        }
        if (env.raw("METRICS_CREATED_SERIES") != null) {
            b.createdSeries(env.bool("METRICS_CREATED_SERIES", false));
        }
        if (env.raw("METRICS_JVM_DEADLOCK_DETECTION") != null) {
            b.jvmDeadlockDetection(env.bool("METRICS_JVM_DEADLOCK_DETECTION", true));
        }
        if (env.raw("METRICS_VIRTUAL_THREADS") != null) {
            boolean on = env.bool("METRICS_VIRTUAL_THREADS", false);
            if (on) {
                VirtualThreads.requireAvailable("METRICS_VIRTUAL_THREADS=true");
            }
            b.virtualThreads(on);
        }
        basicAuth(env, b);
        return b.build();
    }

    /** The user and the password in METRICS_AUTH_PASSWORD_FILE, when set; every bad combination named. */
    private static void basicAuth(EnvConfig env, MetricsConfig.Builder b) {
        if (env.raw("METRICS_AUTH_PASSWORD") != null) {
            throw new IllegalArgumentException("METRICS_AUTH_PASSWORD is set: a password in the environment shows in"
                    + " process listings and crash dumps. Write it to a file (a mounted secret) and set"
                    + " METRICS_AUTH_PASSWORD_FILE to its path instead.");
        }
        String user = env.raw("METRICS_AUTH_USER");
        String file = env.raw("METRICS_AUTH_PASSWORD_FILE");
        if (user == null && file == null) {
            return;
        }
        if (user == null) {
            throw new IllegalArgumentException("METRICS_AUTH_PASSWORD_FILE is set but METRICS_AUTH_USER is not: set"
                    + " the user name too, such as METRICS_AUTH_USER=prometheus.");
        }
        if (file == null) {
            throw new IllegalArgumentException("METRICS_AUTH_USER=\"" + user + "\" is set but"
                    + " METRICS_AUTH_PASSWORD_FILE is not: point it at a file holding the password, such as"
                    + " METRICS_AUTH_PASSWORD_FILE=/run/secrets/metrics_password.");
        }
        String password = env.secretFile("METRICS_AUTH_PASSWORD_FILE", file);
        BasicAuthRule.check("METRICS_AUTH_USER", user, "The password in METRICS_AUTH_PASSWORD_FILE=\"" + file + "\"",
                password);
        b.basicAuth(user, password);
    }
}
