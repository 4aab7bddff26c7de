package dev.lucidmetrics.core.model;

import java.util.Locale;

/**
 * How a histogram counts its observations. {@link #CLASSIC}: into the bucket bounds it was given, one
 * {@code _bucket} series per bound, in every format. {@link #NATIVE}: into a native histogram, whose exponential
 * buckets follow the observations (about 2 % wide) and which Prometheus stores as one series; it is exposed in the
 * protobuf format only, the text formats showing its count and sum. {@link #BOTH}: both at once, so that a
 * Prometheus scraping protobuf gets the native histogram and every other scraper the classic buckets, as before.
 * Native histograms need the client_java backend ({@code dev.lucidmetrics:metrics-client-java}).
 * <pre>{@code
 * app.histogram("render_duration_seconds").help("Time to render a page.").kind(HistogramKind.BOTH).register();
 * // METRICS_HISTOGRAM_KIND=both: the default of every histogram of an app built with config(...)
 * }</pre>
 * One precedence: the histogram builder's {@code kind(...)}, else the app builder's {@code histogramKind(...)}, else
 * {@code METRICS_HISTOGRAM_KIND}, else {@link #CLASSIC}.
 */
public enum HistogramKind {
    CLASSIC, NATIVE, BOTH;

    /** Whether observations go into a native histogram. */
    public boolean hasNative() {
        return this != CLASSIC;
    }

    /** Whether observations go into classic buckets. */
    public boolean hasClassic() {
        return this != NATIVE;
    }

    /** The setting's spelling: {@code classic}, {@code native} or {@code both}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind spelled {@code value} ({@code classic}, {@code native}, {@code both}, any case), or null. */
    public static HistogramKind fromSetting(String value) {
        for (HistogramKind kind : values()) {
            if (kind.settingValue().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        return null;
    }
}
