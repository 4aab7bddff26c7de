package dev.lucidmetrics.core.http;

import java.util.Set;

/**
 * Normalises request methods to a bounded set: the nine methods of RFC 9110 (case-sensitive, as HTTP says) keep
 * their name, anything else becomes {@value #OTHER}, so a client inventing methods cannot create series.
 */
final class HttpMethods {

    /** The label value for every method outside the standard set. */
    static final String OTHER = "OTHER";

    private static final Set<String> STANDARD =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private HttpMethods() {
    }

    static String normalise(String method) {
        return method != null && STANDARD.contains(method) ? method : OTHER;
    }
}
