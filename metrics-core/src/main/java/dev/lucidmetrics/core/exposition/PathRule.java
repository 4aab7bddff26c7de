package dev.lucidmetrics.core.exposition;

/** Validates the paths a builder is given, with messages quoting the bad value. */
final class PathRule {

    private PathRule() {
    }

    static String check(String what, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException(what + " \"" + path + "\" must start with '/', as in \"/"
                    + (path == null ? "metrics" : path) + "\".");
        }
        for (char c : path.toCharArray()) {
            if (c == '?' || c == '#' || c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " \"" + path + "\" contains '" + c + "': use a plain path"
                        + " such as \"/metrics\", without query, fragment, escapes or spaces.");
            }
        }
        if (path.contains("//")) {
            throw new IllegalArgumentException(what + " \"" + path + "\" contains \"//\": use single slashes, as in \""
                    + path.replaceAll("/+", "/") + "\".");
        }
        return path;
    }
}
