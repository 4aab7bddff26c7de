package dev.lucidmetrics.core.spi;

import dev.lucidmetrics.core.model.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * One registry of a backend: the families of one or more apps, their exposition, and what the backend's client
 * does for them. Every name, label name and label value it gets has passed the API's checks; a family whose name
 * clashes with one registered around the API (through the backend's own registry) is refused with an
 * {@link IllegalArgumentException} in the backend's words, which the API quotes. For backend implementations only.
 */
public interface BackendRegistry {

    /** The backend this registry belongs to. */
    Backend backend();

    /**
     * Registers a counter family that scrapes the series in {@code source} and returns what makes a new one's
     * storage (the API records it in {@code source}, so the family keeps no map of its own);
     * {@code sampledExemplars}: sample exemplars from the current trace, if any.
     */
    Supplier<CounterSeries> counter(FamilySpec family, boolean sampledExemplars, SeriesSource<CounterSeries> source);

    /** Registers a gauge family. */
    SeriesFamily<GaugeSeries> gauge(FamilySpec family);

    /** Registers a histogram family. */
    SeriesFamily<HistogramSeries> histogram(FamilySpec family, HistogramSpec histogram);

    /** Registers a summary family with these streaming quantiles (none: count and sum only). */
    SeriesFamily<SummarySeries> summary(FamilySpec family, List<Quantile> quantiles);

    /** Registers an info family: one series whose labels are the facts. */
    InfoSeries info(FamilySpec family);

    /** Registers a counter or gauge whose samples {@code source} reports at each scrape. */
    void callback(FamilySpec family, CallbackSource source);

    /**
     * Registers the JVM and process families the API documents ({@code jvm_memory_bytes_used{area}},
     * {@code jvm_threads_current}, {@code jvm_gc_collection_seconds}, {@code process_cpu_seconds_total}, ...), unless
     * this registry has them already; returns whether it registered them.
     */
    boolean registerJvmMetrics(JvmOptions options);

    /** Writes the families {@code options} selects in {@code format} (one of {@link Backend#formats()}). */
    void scrape(ExpositionFormat format, ScrapeOptions options, OutputStream out) throws IOException;

    /** Every family at this instant, those registered around the API included. */
    MetricSnapshots snapshot();

    /** Pushes every family with the Pushgateway's {@code pushAdd} (POST: same-named families replaced). */
    void pushAdd(PushTarget target) throws IOException;

    /**
     * The backend's own registry as {@code type}.
     *
     * @throws IllegalArgumentException when it is not a {@code type}, naming the backend and its registry type
     */
    <T> T unwrap(Class<T> type);
}
