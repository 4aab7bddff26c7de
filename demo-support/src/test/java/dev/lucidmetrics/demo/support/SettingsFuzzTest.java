package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.BoundedFuzzTest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hostile environment values for the demos' own parsers (durations are the library's, fuzzed there): each accepts a
 * value (and what it returns keeps its promise) or throws an {@link IllegalArgumentException} whose message starts
 * with the variable's name; never another exception, never a hang.
 */
class SettingsFuzzTest {

    @BoundedFuzzTest
    void everyParserAcceptsAValueOrNamesTheVariable(FuzzedDataProvider data) {
        int parser = data.consumeInt(0, 3);
        String name = data.consumeString(12);
        String fallback = data.consumeBoolean() ? null : data.consumeString(40);
        int min = data.consumeInt();
        int max = data.consumeInt();
        String value = data.consumeRemainingAsString();
        EnvConfig env = EnvConfig.of(Map.of(name, value));
        switch (parser) {
            case 0:
                check(name, () -> {
                    int i = Settings.integer(env, name, min, min, max);
                    assertTrue(i == min || (i >= min && i <= max), i + " outside [" + min + ", " + max + "]");
                    return i;
                });
                break;
            case 1:
                check(name, () -> {
                    double ratio = Settings.ratio(env, name, 0.5);
                    assertTrue(ratio >= 0 && ratio <= 1, "ratio " + ratio);
                    return ratio;
                });
                break;
            case 2:
                check(name, () -> isHttpUrl(Settings.httpUrl(env, name, fallback)));
                break;
            default:
                check(name, () -> {
                    List<URI> urls = Settings.httpUrls(env, name, fallback);
                    assertTrue(!urls.isEmpty(), "no URL accepted from " + value);
                    urls.forEach(SettingsFuzzTest::isHttpUrl);
                    return urls;
                });
                break;
        }
    }

    /** Runs one read: it returns, or throws an IllegalArgumentException naming {@code name}; anything else fails. */
    private static void check(String name, Supplier<Object> read) {
        try {
            read.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.startsWith(name + "=\"") && !message.startsWith(name + " ")) {
                fail("the message does not start with the variable " + name + ": " + message, e);
            }
        }
    }

    private static URI isHttpUrl(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        assertTrue((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null, "accepted " + uri);
        return uri;
    }
}
