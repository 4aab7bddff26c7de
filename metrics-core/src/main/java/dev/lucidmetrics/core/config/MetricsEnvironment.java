package dev.lucidmetrics.core.config;

import dev.lucidmetrics.core.internal.BasicAuthRule;
import dev.lucidmetrics.core.internal.VirtualThreads;
import dev.lucidmetrics.core.model.HistogramKind;
import java.nio.file.Path;

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
        if (env.raw("METRICS_BACKEND") != null) {
            b.backend(env.raw("METRICS_BACKEND"));
        }
        String kind = env.raw("METRICS_HISTOGRAM_KIND");
        if (kind != null) {
            b.histogramKind(histogramKind(kind));
        }
        if (env.raw("METRICS_VIRTUAL_THREADS") != null) {
            boolean on = env.bool("METRICS_VIRTUAL_THREADS", false);
            if (on) {
                VirtualThreads.requireAvailable("METRICS_VIRTUAL_THREADS=true");
            }
            b.virtualThreads(on);
        }
        if (env.raw("METRICS_HEADER_TIMEOUT") != null) {
            b.headerTimeout(env.duration("METRICS_HEADER_TIMEOUT", null));
        }
        if (env.raw("METRICS_RESPONSE_TIMEOUT") != null) {
            b.responseTimeout(env.duration("METRICS_RESPONSE_TIMEOUT", null));
        }
        basicAuth(env, b);
        tls(env, b);
        return b.build();
    }

    private static HistogramKind histogramKind(String value) {
        HistogramKind kind = HistogramKind.fromSetting(value.trim());
        if (kind == null) {
            throw EnvConfig.bad("METRICS_HISTOGRAM_KIND", value, "classic, native or both");
        }
        return kind;
    }

    /** The keystore and the password in METRICS_TLS_KEYSTORE_PASSWORD_FILE, when set; each half alone named. */
    private static void tls(EnvConfig env, MetricsConfig.Builder b) {
        if (env.raw("METRICS_TLS_KEYSTORE_PASSWORD") != null) {
            throw new IllegalArgumentException("METRICS_TLS_KEYSTORE_PASSWORD is set: a password in the environment"
                    + " shows in process listings and crash dumps. Write it to a file (a mounted secret) and set"
                    + " METRICS_TLS_KEYSTORE_PASSWORD_FILE to its path instead.");
        }
        String keystore = env.raw("METRICS_TLS_KEYSTORE");
        String file = env.raw("METRICS_TLS_KEYSTORE_PASSWORD_FILE");
        if (keystore == null && file == null) {
            return;
        }
        if (keystore == null) {
            throw new IllegalArgumentException("METRICS_TLS_KEYSTORE_PASSWORD_FILE is set but METRICS_TLS_KEYSTORE is"
                    + " not: point it at the PKCS#12 file, such as METRICS_TLS_KEYSTORE=/run/secrets/metrics.p12.");
        }
        if (file == null) {
            throw new IllegalArgumentException("METRICS_TLS_KEYSTORE=\"" + keystore + "\" is set but"
                    + " METRICS_TLS_KEYSTORE_PASSWORD_FILE is not: point it at a file holding the keystore's password,"
                    + " such as METRICS_TLS_KEYSTORE_PASSWORD_FILE=/run/secrets/metrics_keystore_password.");
        }
        Path path;
        try {
            path = Path.of(keystore);
        } catch (java.nio.file.InvalidPathException e) {
            throw EnvConfig.bad("METRICS_TLS_KEYSTORE", keystore, "the path of a PKCS#12 file");
        }
        b.tls(path, env.secretFile("METRICS_TLS_KEYSTORE_PASSWORD_FILE", file));
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
