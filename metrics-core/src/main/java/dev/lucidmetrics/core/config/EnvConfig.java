package dev.lucidmetrics.core.config;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.PathRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed settings from environment variables (12-factor style). A value that does not parse throws
 * {@link IllegalArgumentException} naming the variable, quoting the value and giving the accepted form, so an app
 * fails at startup instead of running with a silent default.
 * <pre>{@code
 * EnvConfig env = EnvConfig.fromSystem();
 * int port = env.port("PORT", 8010);       // PORT=abc: "PORT=\"abc\" is not valid: expected a port number ..."
 * boolean debug = env.bool("DEBUG", false);
 * }</pre>
 * {@link MetricsConfig#fromEnvironment()} reads the library's own settings with it; an app reads its own, and may
 * build parsers of its own on {@link #raw} and {@link #bad}.
 */
public final class EnvConfig {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final Map<String, String> env;

    private EnvConfig(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Settings from the process environment. */
    public static EnvConfig fromSystem() {
        return new EnvConfig(System.getenv());
    }

    /** Settings from a map, for tests and for embedding. */
    public static EnvConfig of(Map<String, String> env) {
        return new EnvConfig(env);
    }

    /** The trimmed value, or null when unset or blank. */
    public String raw(String name) {
        String v = env.get(name);
        String stripped = v == null ? "" : v.strip();   // white space as isBlank() sees it, never more
        return stripped.isEmpty() ? null : stripped;
    }

    public String string(String name, String defaultValue) {
        String v = raw(name);
        return v == null ? defaultValue : v;
    }

    /** A TCP port, 0-65535; what 0 means is the caller's to say (a free port, or "no port of its own"). */
    public int port(String name, int defaultValue) {
        String v = raw(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(v);
            if (Checks.isPort(port)) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(name, v, "a port number from 0 to 65535, such as " + name + "=8080");
    }

    /** "true"/"false" (also yes/no, on/off, 1/0). */
    public boolean bool(String name, boolean defaultValue) {
        String v = raw(name);
        if (v == null) {
            return defaultValue;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw bad(name, v, "true or false");
        }
    }

    /** A positive duration: {@code 250ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT2H}. */
    public Duration duration(String name, Duration defaultValue) {
        String v = raw(name);
        if (v == null) {
            return defaultValue;
        }
        Duration d = null;
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms": d = Duration.ofMillis(n); break;
                    case "s": d = Duration.ofSeconds(n); break;
                    case "m": d = Duration.ofMinutes(n); break;
                    case "h": d = Duration.ofHours(n); break;
                    default: d = Duration.ofDays(n); break;
                }
            } else {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException ignored) {
            // reported below
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw bad(name, v, "a positive duration such as 500ms, 30s, 15m, 2h or PT2H");
        }
        return d;
    }

    /** A URL path by the one path rule (starts with '/', no query, escapes, spaces or "//"), such as /metrics. */
    public String path(String name, String defaultValue) {
        String v = raw(name);
        return v == null ? defaultValue : PathRule.check(name, v);
    }

    /**
     * The content of the file {@code path} names ({@code name}'s value), without one trailing newline: for secrets
     * mounted as files, which is where a password belongs rather than in the environment.
     */
    public String secretFile(String name, String path) {
        try {
            String content = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException(name + "=\"" + path + "\" cannot be read (" + e.getClass().getSimpleName()
                    + "): point it at a readable file holding the secret.", e);
        }
    }

    /**
     * The error for a variable whose value does not parse: "{@code NAME="value" is not valid: expected accepted.}",
     * for an app's own parsers, so every setting fails the same way.
     */
    public static IllegalArgumentException bad(String name, String value, String accepted) {
        return new IllegalArgumentException(name + "=\"" + value + "\" is not valid: expected " + accepted + ".");
    }
}
