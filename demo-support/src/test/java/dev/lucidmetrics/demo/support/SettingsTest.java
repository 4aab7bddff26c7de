package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.config.EnvConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SettingsTest {

    private static void rejects(String message, Executable read) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, read).getMessage());
    }

    @Test
    void unsetAndBlankValuesFallBackToTheDefault() {
        EnvConfig env = EnvConfig.of(Map.of("RATE", "  "));
        assertEquals(0.25, Settings.ratio(env, "RATE", 0.25));
        assertEquals(3, Settings.integer(env, "N", 3, 1, 10));
    }

    @Test
    void validValuesAreParsed() {
        EnvConfig env = EnvConfig.of(Map.of("RATE", "10%", "URL", "http://iotd:80/image", "N", "7"));
        assertEquals(0.1, Settings.ratio(env, "RATE", 0), 1e-12);
        assertEquals(URI.create("http://iotd:80/image"), Settings.httpUrl(env, "URL", null));
        assertEquals(7, Settings.integer(env, "N", 1, 1, 10));
    }

    @Test
    void invalidValuesNameTheVariableAndTheAcceptedForm() {
        EnvConfig env = EnvConfig.of(Map.of("RATE", "1.5", "URL", "iotd/image", "N", "11"));
        rejects("RATE=\"1.5\" is not valid: expected a ratio from 0 to 1 such as 0.1 (or a percentage such as 10%).",
                () -> Settings.ratio(env, "RATE", 0));
        rejects("URL=\"iotd/image\" is not valid: expected an absolute http(s) URL such as"
                + " http://example:8080/path.", () -> Settings.httpUrl(env, "URL", null));
        rejects("N=\"11\" is not valid: expected a whole number from 1 to 10.",
                () -> Settings.integer(env, "N", 1, 1, 10));
    }

    @Test
    void aRequiredUrlWithoutDefaultSaysItIsNotSet() {
        rejects("IMAGE_API_URL is not set: expected an absolute http(s) URL such as"
                + " IMAGE_API_URL=http://example:8080/path.",
                () -> Settings.httpUrl(EnvConfig.of(Map.of()), "IMAGE_API_URL", null));
    }

    @Test
    void aListOfUrlsIsSplitOnCommasAndEachElementChecked() {
        EnvConfig env = EnvConfig.of(Map.of("ACCESS_API_URL", "http://a:8012/access-log, http://b:8012/access-log"));
        assertEquals(List.of(URI.create("http://a:8012/access-log"), URI.create("http://b:8012/access-log")),
                Settings.httpUrls(env, "ACCESS_API_URL", null));
        assertEquals(List.of(URI.create("http://x/y")), Settings.httpUrls(EnvConfig.of(Map.of()), "U", "http://x/y"));
        rejects("ACCESS_API_URL=\"http://a:8012/access-log,b:8012\" is not valid: expected absolute http(s) URLs"
                        + " separated by commas, such as http://a:8080/path,http://b:8080/path"
                        + " (\"b:8012\" is not one).",
                () -> Settings.httpUrls(EnvConfig.of(Map.of("ACCESS_API_URL", "http://a:8012/access-log,b:8012")),
                        "ACCESS_API_URL", null));
        rejects("U=\"http://a/x,\" is not valid: expected absolute http(s) URLs separated by commas, such as"
                        + " http://a:8080/path,http://b:8080/path (\"\" is not one).",
                () -> Settings.httpUrls(EnvConfig.of(Map.of("U", "http://a/x,")), "U", null));
    }
}
