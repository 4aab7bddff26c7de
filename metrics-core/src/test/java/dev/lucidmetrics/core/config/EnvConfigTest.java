package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EnvConfigTest {

    private static void rejects(String message, Executable read) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, read).getMessage());
    }

    @Test
    void unsetAndBlankValuesFallBackToTheDefault() {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "  "));
        assertEquals(8010, env.port("PORT", 8010));
        assertEquals(Duration.ofHours(2), env.duration("TTL", Duration.ofHours(2)));
    }

    @Test
    void validValuesAreParsed() {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "9400", "RATE", "10%", "TTL", "15m", "ON", "yes",
                "URL", "http://iotd:80/image", "P", "/actuator/prometheus", "N", "7"));
        assertEquals(9400, env.port("PORT", 1));
        assertEquals(0.1, env.ratio("RATE", 0), 1e-12);
        assertEquals(Duration.ofMinutes(15), env.duration("TTL", null));
        assertEquals(true, env.bool("ON", false));
        assertEquals(URI.create("http://iotd:80/image"), env.httpUrl("URL", null));
        assertEquals("/actuator/prometheus", env.path("P", "/metrics"));
        assertEquals(7, env.integer("N", 1, 1, 10));
    }

    @Test
    void invalidValuesNameTheVariableAndTheAcceptedForm() {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "80a", "RATE", "1.5", "TTL", "soon", "ON", "maybe",
                "URL", "iotd/image", "P", "metrics", "N", "11"));
        rejects("PORT=\"80a\" is not valid: expected a port number from 0 to 65535, such as PORT=8080.",
                () -> env.port("PORT", 8010));
        rejects("RATE=\"1.5\" is not valid: expected a ratio from 0 to 1 such as 0.1 (or a percentage such as 10%).",
                () -> env.ratio("RATE", 0));
        rejects("TTL=\"soon\" is not valid: expected a positive duration such as 500ms, 30s, 15m, 2h or PT2H.",
                () -> env.duration("TTL", Duration.ZERO));
        rejects("ON=\"maybe\" is not valid: expected true or false.", () -> env.bool("ON", false));
        rejects("URL=\"iotd/image\" is not valid: expected an absolute http(s) URL such as"
                + " http://example:8080/path.",
                () -> env.httpUrl("URL", null));
        rejects("P \"metrics\" must start with '/', as in \"/metrics\".", () -> env.path("P", "/metrics"));
        rejects("N=\"11\" is not valid: expected a whole number from 1 to 10.", () -> env.integer("N", 1, 1, 10));
    }

    @Test
    void aRequiredUrlWithoutDefaultSaysItIsNotSet() {
        rejects("IMAGE_API_URL is not set: expected an absolute http(s) URL such as"
                + " IMAGE_API_URL=http://example:8080/path.",
                () -> EnvConfig.of(Map.of()).httpUrl("IMAGE_API_URL", null));
    }

    @Test
    void aListOfUrlsIsSplitOnCommasAndEachElementChecked() {
        EnvConfig env = EnvConfig.of(Map.of("ACCESS_API_URL", "http://a:8012/access-log, http://b:8012/access-log"));
        assertEquals(List.of(URI.create("http://a:8012/access-log"), URI.create("http://b:8012/access-log")),
                env.httpUrls("ACCESS_API_URL", null));
        assertEquals(List.of(URI.create("http://x/y")), EnvConfig.of(Map.of()).httpUrls("U", "http://x/y"));
        rejects("ACCESS_API_URL=\"http://a:8012/access-log,b:8012\" is not valid: expected absolute http(s) URLs"
                        + " separated by commas, such as http://a:8080/path,http://b:8080/path"
                        + " (\"b:8012\" is not one).",
                () -> EnvConfig.of(Map.of("ACCESS_API_URL", "http://a:8012/access-log,b:8012"))
                        .httpUrls("ACCESS_API_URL", null));
        rejects("U=\"http://a/x,\" is not valid: expected absolute http(s) URLs separated by commas, such as"
                        + " http://a:8080/path,http://b:8080/path (\"\" is not one).",
                () -> EnvConfig.of(Map.of("U", "http://a/x,")).httpUrls("U", null));
    }
}
