package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.lucidmetrics.core.internal.PathRule;
import dev.lucidmetrics.core.support.BoundedFuzzTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hostile environment values: every {@link EnvConfig} parser and {@link MetricsConfig#from} either accept a value
 * (and what they return keeps its promise) or throw an {@link IllegalArgumentException} whose message starts with
 * the variable's name; never another exception, never a hang. (The demos' own parsers have their fuzz test in
 * demo-support.)
 */
class EnvConfigFuzzTest {

    private static final List<String> METRICS_VARIABLES = List.of("METRICS_PORT", "METRICS_HOST", "METRICS_PATH",
            "APP_VERSION", "APP_REVISION", "METRICS_CREATED_SERIES", "METRICS_JVM_DEADLOCK_DETECTION");

    @BoundedFuzzTest
    void everyParserAcceptsAValueOrNamesTheVariable(FuzzedDataProvider data) {
        int parser = data.consumeInt(0, 4);
        String name = data.consumeString(12);
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
                check(name, () -> env.bool(name, false));
                break;
            case 2:
                check(name, () -> env.string(name, "fallback"));
                break;
            case 3:
                check(name, () -> {
                    Duration d = env.duration(name, Duration.ofSeconds(1));
                    assertTrue(!d.isNegative() && !d.isZero(), "duration " + d);
                    return d;
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
            config.port().ifPresent(port -> assertTrue(port >= 0 && port <= 65535, "port " + port));
            config.path().ifPresent(path -> assertEquals(path, PathRule.check("accepted path", path)));
            assertEquals(env.containsKey("METRICS_PORT") && !env.get("METRICS_PORT").isBlank(),
                    config.port().isPresent(), "a set variable is a set setting, an unset one unset");
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
}
