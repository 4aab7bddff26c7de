package dev.lucidmetrics.core.batch;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Gauge;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.AppRegistries;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.naming.MetricNames;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a batch job and pushes its standard metrics to a Pushgateway once, at the end, grouped by job:
 * <pre>{@code
 * BatchJob.builder("nightly_export").pushgateway(URI.create("http://pushgateway:9091")).build()
 *         .run(run -> run.recordsProcessed(export()));
 * // nightly_export_duration_seconds 12.5
 * // nightly_export_last_success_timestamp_seconds 1.7e9     (only when the run succeeded)
 * // nightly_export_last_failure_timestamp_seconds 1.7e9     (only when it failed)
 * // nightly_export_records_processed 1042
 * }</pre>
 * Each run uses a fresh registry and {@code pushAdd}, so a failed run leaves the last success time in place. A failure
 * of the job is re-thrown after the push; a failed push throws {@link java.io.UncheckedIOException} naming the URL
 * (added as suppressed when the job failed too).
 */
public final class BatchJob {

    private final String name;
    private final String version;
    private final MetricsConfig config;
    private final Map<String, String> groupingKey;
    private final Pusher pusher;
    private final Clock clock;

    private BatchJob(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.config = b.config;
        this.groupingKey = Map.copyOf(b.groupingKey);
        this.pusher = new Pusher(b.gateway, b.timeout);
        this.clock = b.clock;
    }

    /**
     * @param name the job's snake_case name: the metric namespace and the Pushgateway {@code job} label
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The work of one run; {@code E} is what it may throw, re-thrown by {@link #run}. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run(BatchRun run) throws E;
    }

    /** Runs {@code work} once, records its metrics in a fresh registry and pushes them; re-throws its failure. */
    public <E extends Exception> void run(Work<E> work) throws E {
        AppMetrics.Builder builder = AppMetrics.builder(name).config(config);
        if (version != null) {
            builder.version(version);
        }
        AppMetrics app = builder.build();   // a fresh registry per run
        Gauge duration = app.gauge("duration_seconds").help("How long the last run of " + name + " took.")
                .register();
        Gauge records = app.gauge("records_processed").help("Records the last run of " + name + " processed.")
                .register();
        Instant start = clock.instant();
        Throwable failure = null;
        try {
            work.run(new BatchRun(app, records));
        } catch (Exception | Error e) {
            failure = e;
        }
        Instant end = clock.instant();
        duration.set(Duration.between(start, end).toNanos() / 1e9);
        String outcome = failure == null ? "last_success_timestamp_seconds" : "last_failure_timestamp_seconds";
        app.gauge(outcome).help("When a run of " + name + (failure == null ? " last succeeded" : " last failed")
                + ", in seconds since the epoch.").register().set(end.toEpochMilli() / 1000.0);
        try {
            pusher.pushAdd(AppRegistries.of(app), name, groupingKey);
        } catch (RuntimeException pushFailure) {
            if (failure == null) {
                throw pushFailure;
            }
            failure.addSuppressed(pushFailure);
        }
        if (failure != null) {
            throw BatchJob.<E>rethrow(failure);
        }
    }

    /** {@code failure} is an E, a RuntimeException or an Error: whatever {@link Work#run} could throw. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Throwable failure) throws E {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        throw (E) failure;
    }

    /** Builds a {@link BatchJob}. */
    public static final class Builder {
        private final String name;
        private URI gateway;
        private String version;
        private MetricsConfig config = MetricsConfig.empty();
        private final Map<String, String> groupingKey = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        Builder(String name) {
            Checks.noFindings(MetricNames.checkNamespace(name));
            this.name = name;
        }

        /** The Pushgateway's base URL, such as {@code http://pushgateway:9091}; required. */
        public Builder pushgateway(URI url) {
            String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                    || url.getRawQuery() != null) {
                throw new IllegalArgumentException("Pushgateway URL \"" + url + "\" is not valid: use an absolute"
                        + " http(s) URL without query, such as http://pushgateway:9091.");
            }
            this.gateway = url;
            return this;
        }

        /** Adds a grouping-key label (next to {@code job}); use {@code instance} only when it means something. */
        public Builder groupingKey(String label, String value) {
            if (!MetricNames.isValidLabelName(label) || label.equals("job")) {
                throw new IllegalArgumentException("Grouping key label \"" + label + "\" is illegal: use a"
                        + " snake_case label name such as \"instance\" (not \"job\", which is the job name).");
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Grouping key \"" + label + "\" has a blank value: pass the"
                        + " value that identifies the group, such as a shard name.");
            }
            groupingKey.put(label, value);
            return this;
        }

        /** The version for {@code <ns>_build_info}, pushed with the run; default {@code APP_VERSION}, else "unknown". */
        public Builder version(String version) {
            if (version == null || version.isBlank()) {
                throw new IllegalArgumentException("version is blank: pass a version such as \"1.0.0\".");
            }
            this.version = version;
            return this;
        }

        /**
         * Takes {@code APP_VERSION} and {@code METRICS_BACKEND} (for a class path with more than one backend) from
         * the settings, when set; an explicit {@link #version(String)} wins.
         */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            return this;
        }

        /** Connect and read timeout of the push; default 10 seconds. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout(" + timeout + ") is illegal: pass a positive duration"
                        + " such as Duration.ofSeconds(10).");
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock for durations and timestamps; a seam for tests. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public BatchJob build() {
            if (gateway == null) {
                throw new IllegalStateException("Batch job \"" + name + "\" has no Pushgateway: call"
                        + " pushgateway(URI.create(\"http://pushgateway:9091\")) before build().");
            }
            return new BatchJob(this);
        }
    }
}
