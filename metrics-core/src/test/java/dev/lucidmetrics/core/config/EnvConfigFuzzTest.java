package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.lucidmetrics.core.internal.PathRule;
import dev.lucidmetrics.core.support.BoundedFuzzTest;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hostile environment values: every {@link EnvConfig} parser and {@link MetricsConfig#from} either accept a value
 * (and what they return keeps its promise) or throw an {@link IllegalArgumentException} whose message starts with
 * the variable's name; never another exception, never a hang.
 */
class EnvConfigFuzzTest {

    private static final List<String> METRICS_VARIABLES = List.of("METRICS_PORT", "METRICS_HOST", "METRICS_PATH",
            "APP_VERSION", "APP_REVISION", "METRICS_CREATED_SERIES", "METRICS_JVM_DEADLOCK_DETECTION");

    @BoundedFuzzTest
    void everyParserAcceptsAValueOrNamesTheVariable(FuzzedDataProvider data) {
        int parser = data.consumeInt(0, 7);
        String name = data.consumeString(12);
        String fallback = data.consumeBoolean() ? null : data.consumeString(40);
        int min = data.consumeInt();
        int max = data.consumeInt();
        String value = data.consumeRemainingAsString();
        EnvConfig env = EnvConfig.of(Map.of(name, value));
        switch (parser) {
            case 0:
                check(name, () -> {
                    int port = env.port(name, 8080);
                    assertTrue(port >= 0 && port <= 65535, "port " + port);
                    return port;
                });
                break;
            case 1:
                check(name, () -> {
                    int i = env.integer(name, min, min, max);
                    assertTrue(i == min || (i >= min && i <= max), i + " outside [" + min + ", " + max + "]");
                    return i;
                });
                break;
            case 2:
                check(name, () -> {
                    double ratio = env.ratio(name, 0.5);
                    assertTrue(ratio >= 0 && ratio <= 1, "ratio " + ratio);
                    return ratio;
                });
                break;
            case 3:
                check(name, () -> env.bool(name, false));
                break;
            case 4:
                check(name, () -> {
                    Duration d = env.duration(name, Duration.ofSeconds(1));
                    assertTrue(!d.isNegative() && !d.isZero(), "duration " + d);
                    return d;
                });
                break;
            case 5:
                check(name, () -> isHttpUrl(env.httpUrl(name, fallback)));
                break;
            case 6:
                check(name, () -> {
                    List<URI> urls = env.httpUrls(name, fallback);
                    assertTrue(!urls.isEmpty(), "no URL accepted from " + value);
                    urls.forEach(EnvConfigFuzzTest::isHttpUrl);
                    return urls;
                });
                break;
            default:
                check(name, () -> {
                    String path = env.path(name, "/metrics");
                    assertEquals(path, PathRule.check("accepted path", path));
                    return path;
                });
                break;
        }
    }

    @BoundedFuzzTest
    void metricsConfigAcceptsTheEnvironmentOrNamesTheVariable(FuzzedDataProvider data) {
        Map<String, String> env = new HashMap<>();
        for (String variable : METRICS_VARIABLES) {
            if (data.consumeBoolean()) {
                env.put(variable, data.consumeString(40));
            }
        }
        try {
            MetricsConfig config = MetricsConfig.from(EnvConfig.of(env));
            assertTrue(config.port() >= 0 && config.port() <= 65535, "port " + config.port());
            assertEquals(config.path(), PathRule.check("accepted path", config.path()));
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            assertTrue(env.keySet().stream().anyMatch(v -> names(message, v)),
                    "the message names no variable that was set: " + message);
        }
    }

    /** Runs one read: it returns, or throws an IllegalArgumentException naming {@code name}; anything else fails. */
    private static void check(String name, Supplier<Object> read) {
        try {
            read.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (!names(message, name)) {
                fail("the message does not start with the variable " + name + ": " + message, e);
            }
        }
    }

    /** EnvConfig's messages start with the name, then '=' and the quoted value, or a space and the rule. */
    private static boolean names(String message, String name) {
        return message.startsWith(name + "=\"") || message.startsWith(name + " ");
    }

    private static URI isHttpUrl(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
        assertTrue((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null, "accepted " + uri);
        return uri;
    }
}
