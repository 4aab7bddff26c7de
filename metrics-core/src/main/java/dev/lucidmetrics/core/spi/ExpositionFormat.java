package dev.lucidmetrics.core.spi;

/** The exposition formats a scrape can be answered in, with the Content-Type each is served as. */
public enum ExpositionFormat {
    /** The Prometheus text format 0.0.4. */
    TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics text 1.0.0, which carries exemplars. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    /**
     * The Prometheus protobuf format (length-delimited {@code io.prometheus.client.MetricFamily} messages), the one
     * that carries native histograms; served only by a backend whose {@link Backend#formats()} lists it.
     */
    PROTOBUF("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The Content-Type of a response in this format. */
    public String contentType() {
        return contentType;
    }
}
