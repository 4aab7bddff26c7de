package dev.lucidmetrics.demo.support;

import dev.lucidmetrics.core.config.EnvConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demos' own setting parsers, built on the library's {@link EnvConfig}: whole numbers in a range, ratios and
 * http(s) URLs. A value that does not parse fails at start-up the library's way, naming the variable and the
 * accepted form:
 * <pre>{@code
 * double rate = Settings.ratio(env, "FAILURE_RATE", 0.1);   // accepts 0.1 or 10%
 * }</pre>
 * Durations are the library's: {@link EnvConfig#duration} (90s, 15m, 2h, PT2H), the one parser of every duration
 * setting, the library's and the demos'.
 */
public final class Settings {

    private Settings() {
    }

    /** An integer in [min, max]. */
    public static int integer(EnvConfig env, String name, int defaultValue, int min, int max) {
        String v = env.raw(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw EnvConfig.bad(name, v, "a whole number from " + min + " to " + max);
    }

    /** A fraction in [0, 1], such as a failure rate; "10%" is accepted too. */
    public static double ratio(EnvConfig env, String name, double defaultValue) {
        String v = env.raw(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).trim()) / 100
                    : Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw EnvConfig.bad(name, v, "a ratio from 0 to 1 such as 0.1 (or a percentage such as 10%)");
    }

    /** An absolute http or https URL. */
    public static URI httpUrl(EnvConfig env, String name, String defaultValue) {
        String v = env.raw(name);
        String value = v == null ? defaultValue : v;
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set: expected an absolute http(s) URL such as "
                    + name + "=http://example:8080/path.");
        }
        URI uri = parseHttpUrl(value);
        if (uri != null) {
            return uri;
        }
        throw EnvConfig.bad(name, value, "an absolute http(s) URL such as http://example:8080/path");
    }

    /**
     * One or more absolute http(s) URLs separated by commas, such as the replicas of a service:
     * {@code PEERS=http://a:8080/path,http://b:8080/path}. Each one is checked as
     * {@link #httpUrl}; the message names the bad element.
     */
    public static List<URI> httpUrls(EnvConfig env, String name, String defaultValue) {
        String v = env.raw(name);
        String value = v == null ? defaultValue : v;
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set: expected absolute http(s) URLs separated by"
                    + " commas, such as " + name + "=http://a:8080/path,http://b:8080/path.");
        }
        List<URI> urls = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            URI uri = parseHttpUrl(part.trim());
            if (uri == null) {
                throw EnvConfig.bad(name, value, "absolute http(s) URLs separated by commas, such as"
                        + " http://a:8080/path,http://b:8080/path (\"" + part.trim() + "\" is not one)");
            }
            urls.add(uri);
        }
        return List.copyOf(urls);
    }

    /** The URI when {@code value} is an absolute http(s) URL with a host, else null. */
    private static URI parseHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

}
