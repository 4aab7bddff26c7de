package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.spi.ExpositionFormat;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the exposition format from an {@code Accept} header, by its quality values ({@code q=}, RFC 9110
 * 12.5.1): OpenMetrics 1.0.0 or the Prometheus text format 0.0.4. For each format the most specific media range
 * that matches it decides its quality (an exact type with a version beats the type alone, which beats
 * {@code type/*}, which beats {@code *}{@code /*}); the format of higher quality wins, the text format on a tie.
 * No header, or one with no media range that parses, means the text format.
 * <ul>
 *   <li>Prometheus 2.42: {@code application/openmetrics-text;version=1.0.0,...,text/plain;version=0.0.4;q=0.5,
 *       *}{@code /*;q=0.1} gets OpenMetrics;</li>
 *   <li>{@code text/plain;version=0.0.4,application/openmetrics-text;q=0.5} gets text;</li>
 *   <li>{@code application/json} accepts neither: {@link #choose} returns null (the handler answers 406).</li>
 * </ul>
 * A range asking for another version ({@code application/openmetrics-text;version=0.0.1},
 * {@code text/plain;version=1.0.0}) does not match: those are formats this library does not write.
 * <p>The protobuf format is a third choice when the backend writes it (client_java): Prometheus with native
 * histograms on asks for {@code application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;
 * encoding=delimited} first, and gets it; a range naming another {@code proto} or {@code encoding} does not match.
 * On a tie the text format wins, then OpenMetrics: protobuf is served only to a scraper that prefers it, never for
 * {@code *}{@code /*}.
 */
final class Negotiation {

    private static final Set<ExpositionFormat> TEXT_FORMATS =
            EnumSet.of(ExpositionFormat.TEXT, ExpositionFormat.OPENMETRICS);

    private Negotiation() {
    }

    /** The text format or OpenMetrics to answer with, or null when the header accepts neither. */
    static ExpositionFormat choose(String accept) {
        return choose(accept, TEXT_FORMATS);
    }

    /**
     * The format to answer with among {@code offered} (which always holds the text format and OpenMetrics), or null
     * when the header accepts none of them.
     */
    static ExpositionFormat choose(String accept, Set<ExpositionFormat> offered) {
        if (accept == null) {
            return ExpositionFormat.TEXT;
        }
        Match openMetrics = new Match();
        Match text = new Match();
        Match protobuf = new Match();
        boolean parsed = false;
        for (String range : accept.split(",")) {
            MediaRange r = MediaRange.parse(range);
            if (r != null) {
                parsed = true;
                openMetrics.offer(r.specificityFor("application", "openmetrics-text", "1.0.0"), r.quality);
                text.offer(r.specificityFor("text", "plain", "0.0.4"), r.quality);
                protobuf.offer(r.protobufSpecificity(), r.quality);
            }
        }
        if (!parsed) {
            return ExpositionFormat.TEXT;
        }
        double best = Math.max(openMetrics.quality, text.quality);
        if (offered.contains(ExpositionFormat.PROTOBUF) && protobuf.quality > best) {
            return ExpositionFormat.PROTOBUF;
        }
        if (best <= 0) {
            return null;
        }
        return openMetrics.quality > text.quality ? ExpositionFormat.OPENMETRICS : ExpositionFormat.TEXT;
    }

    /** The quality of the most specific range seen for one format. */
    private static final class Match {
        int specificity = -1;
        double quality;

        void offer(int rangeSpecificity, double rangeQuality) {
            if (rangeSpecificity > specificity) {
                specificity = rangeSpecificity;
                quality = rangeQuality;
            }
        }
    }

    /** One media range of an Accept header: {@code type/subtype;param=value;q=0.5}. */
    private static final class MediaRange {
        final String type;
        final String subtype;
        final String version;
        final String proto;
        final String encoding;
        final double quality;

        private MediaRange(String type, String subtype, String version, String proto, String encoding,
                double quality) {
            this.type = type;
            this.subtype = subtype;
            this.version = version;
            this.proto = proto;
            this.encoding = encoding;
            this.quality = quality;
        }

        /** The range, or null when it does not parse (such a range is ignored, as RFC 9110 allows). */
        static MediaRange parse(String range) {
            String[] parts = range.split(";", -1);   // -1: ";" gives ["", ""], never an empty array
            String[] mediaType = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (mediaType.length != 2 || mediaType[0].isEmpty() || mediaType[1].isEmpty()) {
                return null;
            }
            String version = null;
            String proto = null;
            String encoding = null;
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = parts[i].substring(eq + 1).trim().replace("\"", "");
                if (key.equals("q")) {
                    quality = parseQuality(value);
                    if (Double.isNaN(quality)) {
                        return null;
                    }
                } else if (key.equals("version")) {
                    version = value;
                } else if (key.equals("proto")) {
                    proto = value;
                } else if (key.equals("encoding")) {
                    encoding = value;
                }
            }
            return new MediaRange(mediaType[0], mediaType[1], version, proto, encoding, quality);
        }

        private static double parseQuality(String value) {
            try {
                double q = Double.parseDouble(value);
                return q >= 0 && q <= 1 ? q : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /**
         * How specifically this range names the protobuf format: 3 with its {@code proto} and {@code encoding}, 2
         * with one or neither, 1 {@code application/*}, 0 any; -1 no match (another type, message or encoding).
         */
        int protobufSpecificity() {
            if (proto != null && !proto.equals("io.prometheus.client.MetricFamily")
                    || encoding != null && !encoding.equalsIgnoreCase("delimited")) {
                return -1;
            }
            int specificity = specificityFor("application", "vnd.google.protobuf", null);
            return specificity == 2 && proto != null && encoding != null ? 3 : specificity;
        }

        /** How specifically this range names the format: 3 type+version, 2 type, 1 type/*, 0 any; -1 no match. */
        int specificityFor(String formatType, String formatSubtype, String formatVersion) {
            if (type.equals("*") && subtype.equals("*")) {
                return 0;
            }
            if (!type.equals(formatType)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            if (!subtype.equals(formatSubtype)) {
                return -1;
            }
            if (version == null || formatVersion == null) {
                return 2;
            }
            return version.equals(formatVersion) ? 3 : -1;
        }
    }
}
