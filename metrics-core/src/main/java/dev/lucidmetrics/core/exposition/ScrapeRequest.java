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
 * What one scrape asks for: the format (by {@code Accept}; null when it accepts neither), gzip (by
 * {@code Accept-Encoding}) and {@code name[]}.
 */
final class ScrapeRequest {

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
     * @throws IllegalArgumentException when the query string is malformed (the caller answers 400)
     */
    static ScrapeRequest of(Headers headers, String rawQuery) {
        List<String> accept = headers.get("Accept");
        return new ScrapeRequest(Negotiation.choose(accept == null ? null : String.join(",", accept)),
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
        for (String pair : rawQuery.split("&")) {
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
            throw new IllegalArgumentException("Malformed query parameter \"" + s + "\": " + e.getMessage(), e);
        }
    }
}
