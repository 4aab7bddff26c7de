package dev.lucidmetrics.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The argument checks every builder shares, so one mistake gets one message wherever it is made. Each message
 * quotes the bad value and says what to pass instead. Internal.
 */
public final class Checks {

    private static final Pattern LOGICAL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private Checks() {
    }

    /**
     * {@code name} when it is a logical name fit to be a label value (a client's target, an executor's name), else
     * "{@code Kind} \"x\" is not a logical {@code kind} name: use a short name such as {@code examples} ...".
     *
     * @param kind     what the name names, such as {@code "target"} or {@code "executor"}
     * @param examples two good names, such as {@code "\"iotd\" or \"access-log\""}
     */
    public static String logicalName(String kind, String name, String examples) {
        if (name == null || !LOGICAL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " \""
                    + name + "\" is not a logical " + kind + " name: use a short name such as " + examples
                    + " (lower-case letters, digits, '.', '_', '-'; at most 63 characters), never a URL or a value"
                    + " from a request.");
        }
        return name;
    }

    /**
     * {@code value}, or an {@link IllegalArgumentException} "{@code what} is null: {@code fix}."
     *
     * @param fix what to pass instead, such as {@code "pass the AppMetrics the request metrics belong to"}
     */
    public static <T> T notNull(String what, T value, String fix) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null: " + fix + ".");
        }
        return value;
    }

    /**
     * {@code value} when it is at least 1, else "{@code option(value)} is illegal: it must be at least 1 (default
     * {@code defaultValue})."
     */
    public static int atLeastOne(String option, int value, int defaultValue) {
        if (value < 1) {
            throw new IllegalArgumentException(option + "(" + value + ") is illegal: it must be at least 1 (default "
                    + defaultValue + ").");
        }
        return value;
    }

    /** {@code value} when it has non-blank text, else "{@code what} is empty: pass ... such as {@code example}." */
    public static String text(String what, String value, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty: pass a non-blank value such as \"" + example
                    + "\".");
        }
        return value;
    }

    /** {@code value} when it is a positive duration, else "{@code option(value)} is illegal: pass ... such as ...". */
    public static Duration positive(String option, Duration value, String example) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + "(" + value + ") is illegal: pass a positive duration such as "
                    + example + ".");
        }
        return value;
    }

    /** True for a TCP port number, 0-65535. */
    public static boolean isPort(int port) {
        return port >= 0 && port <= 65535;
    }

    /** {@code port} when it is 0-65535, else "{@code option(port)} is out of range: use 1-65535, or 0 for ...". */
    public static int port(String option, int port, String zeroMeans) {
        if (!isPort(port)) {
            throw new IllegalArgumentException(option + "(" + port + ") is out of range: use 1-65535, or 0 for "
                    + zeroMeans + ".");
        }
        return port;
    }

    /** Throws every finding of a naming check as one {@link IllegalArgumentException}; nothing when there is none. */
    public static void noFindings(List<String> findings) {
        if (!findings.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", findings));
        }
    }
}
