package dev.lucidmetrics.core.exposition;

import java.util.Locale;
import java.util.Set;

/**
 * The name escaping a Prometheus 3 scrape asks for with the {@code escaping} parameter of {@code Accept}
 * ({@code allow-utf-8}, {@code underscores}, {@code dots} or {@code values}), and the one the response declares in
 * its {@code Content-Type}.
 * <p>This library's metric and label names are always legacy-valid ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}; the naming
 * rules refuse others), and such a name is written unchanged under {@code allow-utf-8}, {@code underscores} and
 * {@code values}: those are answered as asked, with the same bytes. {@code dots} is the one scheme that rewrites
 * legacy-valid names (every {@code _} becomes {@code __}, and client_java and client_golang disagree on the
 * suffixes); it is answered with the names unchanged, declared as {@code underscores}, which is what they are.
 * An unknown value is answered as {@code underscores} (client_java's fallback: refusing it would fail a later
 * Prometheus's scrape); no {@code escaping} parameter leaves the Content-Type as it always was.
 * <ul>
 *   <li>Prometheus 3.x: {@code application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,...} gets
 *       {@code application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=allow-utf-8};</li>
 *   <li>{@code text/plain;version=0.0.4;escaping=dots} gets {@code ...; escaping=underscores};</li>
 *   <li>Prometheus 2.42 sends no {@code escaping} and gets the Content-Type of earlier releases.</li>
 * </ul>
 */
final class Escaping {

    static final String UNDERSCORES = "underscores";
    private static final Set<String> WRITTEN_AS_ASKED = Set.of("allow-utf-8", UNDERSCORES, "values");

    private Escaping() {
    }

    /**
     * The escaping to declare for an {@code Accept} header: that of its first {@code escaping} parameter (the first
     * that client_java reads too; Prometheus sends one value throughout), or null when it has none.
     */
    static String declared(String accept) {
        if (accept == null) {
            return null;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";", -1);
            if (!parts[0].contains("/")) {
                continue;   // a range that does not parse is ignored, as Negotiation ignores it
            }
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0 && parts[i].substring(0, eq).trim().equalsIgnoreCase("escaping")) {
                    String asked = parts[i].substring(eq + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
                    return WRITTEN_AS_ASKED.contains(asked) ? asked : UNDERSCORES;
                }
            }
        }
        return null;
    }

    /** {@code contentType} with the {@code escaping} parameter, when there is one to declare. */
    static String contentType(String contentType, String escaping) {
        return escaping == null ? contentType : contentType + "; escaping=" + escaping;
    }
}
