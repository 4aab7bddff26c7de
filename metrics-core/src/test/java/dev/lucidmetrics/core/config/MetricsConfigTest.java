package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsConfigTest {

    @Test
    void unsetVariablesLeaveEverySettingUnset() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "  ")));
        assertEquals(Optional.empty(), config.port());
        assertEquals(Optional.empty(), config.host());
        assertEquals(Optional.empty(), config.path(), "a blank variable is an unset one");
        assertEquals(Optional.empty(), config.version());
        assertEquals(Optional.empty(), config.revision());
        assertEquals(Optional.empty(), config.createdSeries());
        assertEquals(Optional.empty(), config.jvmDeadlockDetection());
        assertEquals(Optional.empty(), config.virtualThreads());
        assertEquals(Optional.empty(), config.authUser());
        assertEquals("MetricsConfig{}", config.toString());
    }

    @Test
    void environmentSetsEverySetting() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("APP_VERSION", "2.1.0", "APP_REVISION",
                "abc123", "METRICS_CREATED_SERIES", "true", "METRICS_JVM_DEADLOCK_DETECTION", "false",
                "METRICS_PATH", "/internal/metrics", "METRICS_PORT", "9400", "METRICS_HOST", "127.0.0.1",
                "METRICS_VIRTUAL_THREADS", "false", "METRICS_BACKEND", "client_java")));
        assertEquals(Optional.of(9400), config.port());
        assertEquals(Optional.of("127.0.0.1"), config.host());
        assertEquals(Optional.of("/internal/metrics"), config.path());
        assertEquals(Optional.of("2.1.0"), config.version());
        assertEquals(Optional.of("abc123"), config.revision());
        assertEquals(Optional.of(true), config.createdSeries());
        assertEquals(Optional.of(false), config.jvmDeadlockDetection());
        assertEquals(Optional.of(false), config.virtualThreads());
        assertEquals(Optional.of("client_java"), config.backend());
        assertEquals(Optional.of("simpleclient"), MetricsConfig.empty()
                .orElse(MetricsConfig.builder().backend("simpleclient").build()).backend(), "unset takes the fallback");
    }

    @Test
    void aBuilderSetsTheSameSettingsWithoutAnEnvironment() {
        MetricsConfig config = MetricsConfig.builder().port(9400).host("127.0.0.1").path("/internal/metrics")
                .version("2.1.0").revision("abc123").createdSeries(true).jvmDeadlockDetection(false)
                .basicAuth("prometheus", "s3cret").build();
        assertEquals(Optional.of(9400), config.port());
        assertEquals(Optional.of("/internal/metrics"), config.path());
        assertEquals(Optional.of("prometheus"), config.authUser());
        assertEquals(Optional.of("s3cret"), config.authPassword());
        assertEquals("MetricsConfig{port=9400, host=127.0.0.1, path=/internal/metrics, version=2.1.0,"
                + " revision=abc123, createdSeries=true, jvmDeadlockDetection=false, authUser=prometheus,"
                + " authPassword=****}", config.toString(), "the password never shows");
    }

    @Test
    void theBuilderChecksEachValueWhereItIsPassed() {
        assertEquals("port(70000) is out of range: use 1-65535, or 0 for the app's own server.",
                assertThrows(IllegalArgumentException.class, () -> MetricsConfig.builder().port(70000)).getMessage());
        assertEquals("Metrics path \"metrics\" must start with '/', as in \"/metrics\".",
                assertThrows(IllegalArgumentException.class, () -> MetricsConfig.builder().path("metrics"))
                        .getMessage());
        assertEquals("Basic auth user \"a:b\" is illegal: use a non-blank name without ':' (HTTP basic auth"
                + " separates user and password with it).", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.builder().basicAuth("a:b", "pw")).getMessage());
    }

    @Test
    void orElseTakesOnlyTheUnsetSettingsFromTheFallback() {
        MetricsConfig appDefaults = MetricsConfig.builder().path("/actuator/prometheus").port(9400).build();
        MetricsConfig fromEnvironment = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PORT", "9500")));
        MetricsConfig layered = fromEnvironment.orElse(appDefaults);
        assertEquals(Optional.of(9500), layered.port(), "set in the environment: the environment's");
        assertEquals(Optional.of("/actuator/prometheus"), layered.path(), "unset there: the app's default");
        assertEquals(Optional.empty(), layered.version());
        assertEquals(Optional.of("/actuator/prometheus"), MetricsConfig.empty().orElse(appDefaults).path());
    }

    @Test
    void basicAuthIsTakenAsAPairNeverMixedAcrossLayers() {
        MetricsConfig own = MetricsConfig.builder().basicAuth("a", "1").build();
        MetricsConfig other = MetricsConfig.builder().basicAuth("b", "2").build();
        assertEquals(Optional.of("1"), own.orElse(other).authPassword());
        assertEquals(Optional.of("b"), MetricsConfig.empty().orElse(other).authUser());
        assertEquals(Optional.of("2"), MetricsConfig.empty().orElse(other).authPassword());
    }

    @Test
    void invalidValuesFailNamingTheVariable() {
        assertEquals("METRICS_PORT=\"70000\" is not valid: expected a port number from 0 to 65535, such as"
                + " METRICS_PORT=8080.", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PORT", "70000")))).getMessage());
        assertEquals("METRICS_CREATED_SERIES=\"sometimes\" is not valid: expected true or false.",
                assertThrows(IllegalArgumentException.class, () -> MetricsConfig.from(EnvConfig.of(
                        Map.of("METRICS_CREATED_SERIES", "sometimes")))).getMessage());
        assertEquals("METRICS_PATH \"/a b\" contains a space: use a plain path such as \"/metrics\", without"
                + " query, fragment, escapes or spaces.", assertThrows(IllegalArgumentException.class,
                        () -> MetricsConfig.from(EnvConfig.of(Map.of("METRICS_PATH", "/a b")))).getMessage());
    }

    @Test
    void basicAuthComesFromAUserAndAPasswordFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("password"), "s3cret\n");
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("METRICS_AUTH_USER", "prometheus",
                "METRICS_AUTH_PASSWORD_FILE", secret.toString())));
        assertEquals(Optional.of("prometheus"), config.authUser());
        assertEquals(Optional.of("s3cret"), config.authPassword(), "one trailing newline is dropped");
        assertEquals(Optional.empty(), MetricsConfig.empty().authUser());
    }

    @Test
    void everyBadAuthSettingStopsStartUpNamingIt(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path secret = Files.writeString(dir.resolve("secret"), "pw");
        assertEquals("METRICS_AUTH_USER=\"prometheus\" is set but METRICS_AUTH_PASSWORD_FILE is not: point it at a"
                + " file holding the password, such as METRICS_AUTH_PASSWORD_FILE=/run/secrets/metrics_password.",
                refused(Map.of("METRICS_AUTH_USER", "prometheus")));
        assertEquals("METRICS_AUTH_PASSWORD_FILE is set but METRICS_AUTH_USER is not: set the user name too, such as"
                + " METRICS_AUTH_USER=prometheus.", refused(Map.of("METRICS_AUTH_PASSWORD_FILE", secret.toString())));
        String missing = dir.resolve("missing").toString();
        assertEquals("METRICS_AUTH_PASSWORD_FILE=\"" + missing + "\" cannot be read (NoSuchFileException): point it"
                + " at a readable file holding the secret.", refused(Map.of("METRICS_AUTH_USER", "prometheus",
                        "METRICS_AUTH_PASSWORD_FILE", missing)));
        assertEquals("The password in METRICS_AUTH_PASSWORD_FILE=\"" + empty + "\" for user \"prometheus\" is empty:"
                + " give a non-empty password, read from a secret file rather than written in code.",
                refused(Map.of("METRICS_AUTH_USER", "prometheus", "METRICS_AUTH_PASSWORD_FILE", empty.toString())));
        assertEquals("METRICS_AUTH_USER \"a:b\" is illegal: use a non-blank name without ':' (HTTP basic auth"
                + " separates user and password with it).", refused(Map.of("METRICS_AUTH_USER", "a:b",
                        "METRICS_AUTH_PASSWORD_FILE", secret.toString())));
        assertTrue(refused(Map.of("METRICS_AUTH_PASSWORD", "pw")).startsWith("METRICS_AUTH_PASSWORD is set: a password"
                + " in the environment shows in process listings"));
    }

    private static String refused(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> MetricsConfig.from(EnvConfig.of(env))).getMessage();
    }
}
