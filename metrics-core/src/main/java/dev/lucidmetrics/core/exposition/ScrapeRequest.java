package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Headers;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one scrape asks for: the format (by {@code Accept}, among those the backend writes; null when it accepts
 * none), gzip (by
 * {@code Accept-Encoding}) and {@code name[]}. The query is bounded before it is read, as client_java bounds it: at
 * most {@value #MAX_QUERY_CHARS} characters and {@value #MAX_PARAMETERS} parameters, else a 400 naming the limit.
 */
final class ScrapeRequest {

    /** The longest query string read (client_java's bound too); a longer one gets 400. */
    static final int MAX_QUERY_CHARS = 65_536;
    /** The most parameters ({@code name[]} or any other) read; more get 400. */
    static final int MAX_PARAMETERS = 1_024;
    private static final int QUOTED_CHARS = 64;

    /** A query that is not read: the message is the whole 400 body, quoting at most a short piece of the query. */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    final ExpositionFormat format;
    final boolean gzip;
    final Set<String> names;

    private ScrapeRequest(ExpositionFormat format, boolean gzip, Set<String> names) {
        this.format = format;
        this.gzip = gzip;
        this.names = names;
    }

    /**
     * Reads the request.
     *
     * @throws Refused when the query string is too long, has too many parameters or is malformed (the caller
     *         answers 400 with its message)
     */
    static ScrapeRequest of(Headers headers, String rawQuery, Set<ExpositionFormat> offered) {
        List<String> accept = headers.get("Accept");
        return new ScrapeRequest(Negotiation.choose(accept == null ? null : String.join(",", accept), offered),
                acceptsGzip(headers.get("Accept-Encoding")), names(rawQuery));
    }

    /** True when some Accept-Encoding header lists {@code gzip} (or {@code *}) with a non-zero quality. */
    static boolean acceptsGzip(List<String> headerValues) {
        if (headerValues == null) {
            return false;
        }
        for (String header : headerValues) {
            for (String item : header.split(",")) {
                String[] parts = item.split(";", -1);   // -1: ";" gives ["", ""], never an empty array
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                if ((coding.equals("gzip") || coding.equals("*")) && quality(parts) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The values of every {@code name[]} parameter. */
    static Set<String> names(String rawQuery) {
        Set<String> names = new LinkedHashSet<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return names;
        }
        if (rawQuery.length() > MAX_QUERY_CHARS) {
            throw new Refused(String.format(Locale.ROOT, "The query string is %,d characters long: at most %,d are"
                    + " read. Ask for fewer families with name[], or scrape them all.", rawQuery.length(),
                    MAX_QUERY_CHARS));
        }
        String[] pairs = rawQuery.split("&", MAX_PARAMETERS + 1);
        if (pairs.length > MAX_PARAMETERS) {
            throw new Refused(String.format(Locale.ROOT, "The query string has more than %,d parameters: at most"
                    + " %,d are read. Ask for fewer families with name[], or scrape them all.", MAX_PARAMETERS,
                    MAX_PARAMETERS));
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.equals("name[]") && !value.isEmpty()) {
                names.add(value);
            }
        }
        return names;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String quoted = s.length() <= QUOTED_CHARS ? s : s.substring(0, QUOTED_CHARS) + "...";
            throw new Refused("Malformed query parameter \"" + quoted + "\": a '%' must start an escape of two"
                    + " hexadecimal digits, such as %5B for '['.");
        }
    }
}
