package dev.lucidmetrics.core;

/**
 * A gauge or counter whose values are read from the application at each scrape, instead of being pushed into a
 * metric: a queue's depth, a pool's connections, a counter kept by another library. Registered by
 * {@code registerCallback(...)} on the gauge and counter builders:
 * <pre>{@code
 * app.gauge("queue_depth").help("Jobs waiting.").registerCallback(queue::size);
 * // shop_queue_depth 3.0
 * app.gauge("pool_connections").help("Connections by state.").labelNames("state")
 *         .registerCallback(series -> {
 *             series.report(pool.active(), "active");
 *             series.report(pool.idle(), "idle");
 *         });
 * // shop_pool_connections{state="active"} 2.0
 * // shop_pool_connections{state="idle"} 8.0
 * }</pre>
 * A callback that throws does not fail the scrape: its series are left out of that scrape and one warning is
 * logged (the first time). A counter's callback must report values that only go up; a negative or NaN value is
 * left out the same way.
 */
public final class Callback {

    private final String name;

    Callback(String name) {
        this.name = name;
    }

    /** The full name, namespace included. */
    public String name() {
        return name;
    }

    /** Reports the values of a labelled callback metric, once per scrape. */
    @FunctionalInterface
    public interface Reporter {
        /** Reports every current series through {@code series}. */
        void report(Series series);
    }

    /** Where a {@link Reporter} puts the values of one scrape. */
    public interface Series {
        /**
         * One series: its value and its label values, one per label name in the order of {@code labelNames(...)}.
         * A combination reported twice in one scrape keeps its first value; past the metric's cap of label
         * combinations, further combinations are left out (both with one warning).
         */
        void report(double value, String... labelValues);
    }
}
