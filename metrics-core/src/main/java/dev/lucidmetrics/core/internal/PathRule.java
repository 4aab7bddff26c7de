package dev.lucidmetrics.core.internal;

/**
 * The one rule for a URL path given in configuration (a metrics path, an excluded path, the start of a route
 * template): it starts with '/', has no query, fragment, '%' escape, white space or control character, and no
 * empty segment ("//"). Internal.
 */
public final class PathRule {

    private PathRule() {
    }

    /**
     * {@code path} when it follows the rule, else an {@link IllegalArgumentException} quoting it.
     *
     * @param what names the setting in the message, such as {@code "Metrics path"} or {@code "METRICS_PATH"}
     */
    public static String check(String what, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException(what + " \"" + path + "\" must start with '/', as in \"/"
                    + (path == null ? "metrics" : path) + "\".");
        }
        for (char c : path.toCharArray()) {
            if (c == '?' || c == '#' || c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " \"" + path + "\" contains " + describe(c) + ": use a"
                        + " plain path such as \"/metrics\", without query, fragment, escapes or spaces.");
            }
        }
        if (path.contains("//")) {
            throw new IllegalArgumentException(what + " \"" + path + "\" contains \"//\": use single slashes, as in \""
                    + path.replaceAll("/+", "/") + "\".");
        }
        return path;
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("the control character \\u%04x", (int) c) : "'" + c + "'";
    }
}
