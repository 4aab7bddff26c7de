package dev.lucidmetrics.core.batch;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Gauge;

/**
 * One run of a {@link BatchJob}: report how many records it processed, and register any metrics of its own on
 * {@link #metrics()} (a fresh registry per run, pushed with the standard ones).
 */
public final class BatchRun {

    private final AppMetrics metrics;
    private final Gauge recordsProcessed;

    BatchRun(AppMetrics metrics, Gauge recordsProcessed) {
        this.metrics = metrics;
        this.recordsProcessed = recordsProcessed;
    }

    /** Sets {@code <ns>_records_processed} to {@code count}. */
    public void recordsProcessed(long count) {
        requireNotNegative(count);
        recordsProcessed.set(count);
    }

    /** Adds {@code count} to {@code <ns>_records_processed}, for jobs that work in chunks. */
    public void addRecordsProcessed(long count) {
        requireNotNegative(count);
        recordsProcessed.inc(count);
    }

    /** This run's metrics, named {@code <ns>_...} and naming-checked like an app's; pushed at the end of the run. */
    public AppMetrics metrics() {
        return metrics;
    }

    private void requireNotNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Records processed " + count + " is negative for batch job \""
                    + metrics.namespace() + "\": pass a count of 0 or more.");
        }
    }
}
