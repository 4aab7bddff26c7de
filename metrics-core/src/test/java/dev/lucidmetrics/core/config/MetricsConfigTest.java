package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsConfigTest {

    @Test
    void defaultsServeOnTheAppsOwnServerAtSlashMetrics() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of()));
        assertEquals(0, config.port());
        assertEquals("/metrics", config.path());
        assertNull(config.version());
        assertNull(config.revision());
        assertFalse(config.createdSeries());
        assertTrue(config.jvmDeadlockDetection());
        assertEquals("/actuator/prometheus", MetricsConfig.from(EnvConfig.of(Map.of()), "/actuator/prometheus").path());
    }

    @Test
    void environmentSetsEverySetting() {
        MetricsConfig config = MetricsConfig.from(EnvConfig.of(Map.of("APP_VERSION", "2.1.0", "APP_REVISION",
                "abc123", "METRICS_CREATED_SERIES", "true", "METRICS_JVM_DEADLOCK_DETECTION", "false",
                "METRICS_PATH", "/internal/metrics", "METRICS_PORT", "9400", "METRICS_HOST", "127.0.0.1")));
        assertEquals(9400, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals("/internal/metrics", config.path());
        assertEquals("2.1.0", config.version());
        assertEquals("abc123", config.revision());
        assertTrue(config.createdSeries());
        assertFalse(config.jvmDeadlockDetection());
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
        assertEquals("prometheus", config.authUser());
        assertEquals("s3cret", config.authPassword(), "one trailing newline is dropped");
        assertNull(MetricsConfig.from(EnvConfig.of(Map.of())).authUser());
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
