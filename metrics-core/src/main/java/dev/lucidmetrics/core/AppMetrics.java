package dev.lucidmetrics.core;

import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.AppRegistries;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.model.MetricSnapshots;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.BackendRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An application's metrics: its namespace, build info and registry, and the factories for its metrics. Every metric
 * name is prefixed with the namespace and checked against the naming rules when registered. The metrics live in the
 * registry of the backend on the class path ({@code metrics-simpleclient} or {@code metrics-client-java}).
 * <pre>{@code
 * AppMetrics app = AppMetrics.builder("image_gallery").version("1.4.0").build();
 * Counter pages = app.counter("pages_total").help("Pages rendered.").register();
 * // image_gallery_build_info{version="1.4.0",revision="unknown",java_version="17.0.15"} 1.0
 * // image_gallery_pages_total 0.0
 * }</pre>
 */
public final class AppMetrics {

    /** The default cap of label combinations per metric. */
    static final int DEFAULT_MAX_LABEL_COMBINATIONS = 1000;

    static {
        AppRegistries.install(app -> ((AppMetrics) app).registry);
    }

    private final String namespace;
    private final String version;
    private final String revision;
    private final List<String> commonLabelNames;
    private final String[] commonLabelValues;
    private final BackendRegistry registry;
    private final int maxLabelCombinations;
    private final HistogramKind histogramKind;

    private AppMetrics(Builder b, BackendRegistry registry, HistogramKind histogramKind) {
        this.namespace = b.namespace;
        this.version = b.resolvedVersion();
        this.revision = b.resolvedRevision();
        this.commonLabelNames = List.copyOf(b.commonLabels.keySet());
        this.commonLabelValues = b.commonLabels.values().toArray(new String[0]);
        this.registry = registry;
        this.maxLabelCombinations = b.maxLabelCombinations;
        this.histogramKind = histogramKind;
    }

    /**
     * Starts describing an app.
     *
     * @param namespace the one-word-or-so snake_case prefix of every metric, such as {@code "image_gallery"}
     */
    public static Builder builder(String namespace) {
        return new Builder(namespace);
    }

    /** A counter named {@code <namespace>_<name>}; the name ends in {@code _total}. */
    public Counter.Builder counter(String name) {
        return new Counter.Builder(this, name);
    }

    /** A gauge named {@code <namespace>_<name>}. */
    public Gauge.Builder gauge(String name) {
        return new Gauge.Builder(this, name);
    }

    /** A histogram named {@code <namespace>_<name>}, with the default latency buckets unless given others. */
    public Histogram.Builder histogram(String name) {
        return new Histogram.Builder(this, name);
    }

    /** A summary named {@code <namespace>_<name>}, without quantiles unless asked for. */
    public Summary.Builder summary(String name) {
        return new Summary.Builder(this, name);
    }

    /** An info metric named {@code <namespace>_<name>}: a gauge of value 1 whose labels carry the facts. */
    public Info.Builder info(String name) {
        return new Info.Builder(this, name);
    }

    public String namespace() {
        return namespace;
    }

    public String version() {
        return version;
    }

    public String revision() {
        return revision;
    }

    /**
     * The escape hatch: the backend's own registry behind this app — simpleclient's {@code CollectorRegistry} on the
     * simpleclient backend, client_java's {@code PrometheusRegistry} on the client_java one — to register a collector
     * of that client or hand the registry to code written for it. Everything else in Lucid Metrics takes the
     * {@code AppMetrics} itself; see docs/api.md.
     * <pre>{@code
     * CollectorRegistry registry = app.unwrap(CollectorRegistry.class);
     * }</pre>
     *
     * @throws IllegalArgumentException when the backend's registry is not a {@code type}, naming the backend in use
     */
    public <T> T unwrap(Class<T> type) {
        Checks.notNull("type", type, "pass the registry class of the backend in use, such as CollectorRegistry.class");
        return registry.unwrap(type);
    }

    /**
     * Every family of this app's registry at this instant, sorted by name — the app's own metrics and whatever was
     * registered around the factories through the escape hatch. For tests and diagnostics: a scrape is the way to
     * read metrics in production.
     */
    public MetricSnapshots snapshot() {
        return registry.snapshot();
    }

    /** Names are taken relative to the namespace, unless they already start with it. */
    String qualify(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.startsWith(namespace + "_") ? name : namespace + "_" + name;
    }

    List<String> commonLabelNames() {
        return commonLabelNames;
    }

    String[] commonLabelValues() {
        return commonLabelValues;
    }

    int defaultMaxLabelCombinations() {
        return maxLabelCombinations;
    }

    /** The kind of a histogram whose builder names none. */
    HistogramKind defaultHistogramKind() {
        return histogramKind;
    }

    /** The backend registry the app's metrics live in; for the library's own packages, through its builders. */
    BackendRegistry registry() {
        return registry;
    }

    /** The backend's name, for messages. */
    String backendName() {
        return registry.backend().name();
    }

    /** Registers what {@code create} makes under {@code b}'s name once per registry; see {@link Registrations}. */
    <T> T registerOnce(MetricBuilder<?, ?> b, Supplier<T> create) {
        return Registrations.of(registry).registerOnce(b, create);
    }

    /**
     * Describes an app; {@link #build()} registers its {@code <namespace>_build_info}. The version comes from, in
     * this order whatever the order of the calls: {@link #version(String)}; {@code APP_VERSION} through
     * {@link #config(MetricsConfig)}; the jar manifest through {@link #versionFrom(Class)}; else "unknown".
     * The revision likewise from {@link #revision(String)}, then {@code APP_REVISION}.
     */
    public static final class Builder {
        private final String namespace;
        private final MetricsConfig.Builder explicit = MetricsConfig.builder();
        private MetricsConfig config = MetricsConfig.empty();
        private String manifestVersion;
        private final Map<String, String> commonLabels = new LinkedHashMap<>();
        private String backend;
        private Object nativeRegistry;
        private int maxLabelCombinations = DEFAULT_MAX_LABEL_COMBINATIONS;
        private HistogramKind histogramKind;

        Builder(String namespace) {
            Checks.noFindings(MetricNames.checkNamespace(namespace));
            this.namespace = namespace;
        }

        /** The app's version for {@code _build_info}; beats {@code APP_VERSION} and the jar manifest. */
        public Builder version(String version) {
            explicit.version(version);
            return this;
        }

        /** The source revision (commit) for {@code _build_info}; beats {@code APP_REVISION}. Default "unknown". */
        public Builder revision(String revision) {
            explicit.revision(revision);
            return this;
        }

        /**
         * Takes {@code APP_VERSION}, {@code APP_REVISION}, {@code METRICS_BACKEND} and {@code METRICS_HISTOGRAM_KIND}
         * from the settings (when set); an explicit {@link #version(String)}, {@link #revision(String)},
         * {@link #backend(String)} or {@link #histogramKind(HistogramKind)} still wins.
         */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            return this;
        }

        /**
         * Falls back to the {@code Implementation-Version} of the jar holding {@code mainClass} when neither
         * {@link #version(String)} nor {@code APP_VERSION} gives one.
         */
        public Builder versionFrom(Class<?> mainClass) {
            Package p = Checks.notNull("mainClass", mainClass, "pass the app's main class, such as Main.class")
                    .getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            this.manifestVersion = v == null || v.isBlank() ? null : v;
            return this;
        }

        /** A label with a fixed value added to every metric of the app (use sparingly; prefer target labels). */
        public Builder commonLabel(String name, String value) {
            Checks.noFindings(MetricNames.checkLabelNames(namespace, MetricType.GAUGE, List.of(name)));
            commonLabels.put(name, Checks.text("value of common label \"" + name + "\"", value, "eu-west-1"));
            return this;
        }

        /**
         * The escape hatch in: register into this registry of the backend's own client (such as simpleclient's
         * {@code CollectorRegistry.defaultRegistry}, or client_java's {@code PrometheusRegistry.defaultRegistry})
         * instead of a new one owned by this app. Checked by {@link #build()}, which names the registry type of each
         * backend on the class path when this is none of them.
         */
        public Builder registry(Object nativeRegistry) {
            this.nativeRegistry = Checks.notNull("registry", nativeRegistry, "pass the backend's own registry, or"
                    + " leave it unset for a new one");
            return this;
        }

        /**
         * Which backend to run on, by name ({@code "simpleclient"}, {@code "client_java"}), for a class path that
         * has more than one; with one backend on the class path, it is used without being named. One precedence:
         * this call, else {@code METRICS_BACKEND} through {@link #config(MetricsConfig)}, else the only backend on
         * the class path.
         */
        public Builder backend(String name) {
            this.backend = Checks.text("backend", name, "simpleclient");
            return this;
        }

        /**
         * How the app's histograms count unless a histogram's {@code kind(...)} says otherwise: classic buckets
         * (the default), a native histogram, or both. Beats {@code METRICS_HISTOGRAM_KIND}; native and both need the
         * client_java backend, and {@link #build()} refuses them on another, naming it.
         */
        public Builder histogramKind(HistogramKind kind) {
            this.histogramKind = Checks.notNull("histogramKind", kind, "pass HistogramKind.CLASSIC, NATIVE or BOTH");
            return this;
        }

        /** Default limit of label combinations per metric (1000); {@code maxLabelCombinations} on a builder wins. */
        public Builder maxLabelCombinations(int limit) {
            this.maxLabelCombinations = Checks.atLeastOne("maxLabelCombinations", limit,
                    DEFAULT_MAX_LABEL_COMBINATIONS);
            return this;
        }

        /**
         * Builds the app on the backend of the class path (or the one named) and registers
         * {@code <namespace>_build_info}; building a second app on a shared registry replaces the facts.
         *
         * @throws IllegalStateException when no backend is on the class path (naming the artifacts to add), or more
         *         than one and none is named
         * @throws IllegalArgumentException when the backend cannot count the histogram kind asked for, quoting the
         *         call or {@code METRICS_HISTOGRAM_KIND} and naming the backend to switch to
         */
        public AppMetrics build() {
            String requested = backend != null ? backend : config.backend().orElse(null);
            BackendRegistry registry;
            try {
                registry = nativeRegistry == null ? Backends.find(requested).newRegistry()
                        : Backends.forRegistry(requested, nativeRegistry).adopt(nativeRegistry);
            } catch (IllegalStateException e) {
                if (backend == null && requested != null) {   // the setting chose it: name the setting
                    throw new IllegalStateException("METRICS_BACKEND=\"" + requested + "\": " + e.getMessage(), e);
                }
                throw e;
            }
            AppMetrics app = new AppMetrics(this, registry,
                    HistogramKinds.appDefault(histogramKind, config, registry.backend()));
            app.info("build_info").help("Build facts of " + namespace + "; the value is always 1.")
                    .labelNames("version", "revision", "java_version").register()
                    .set(app.version, app.revision, System.getProperty("java.version", "unknown"));
            return app;
        }

        private String resolvedVersion() {
            return explicit.build().orElse(config).version().orElse(manifestVersion == null ? "unknown"
                    : manifestVersion);
        }

        private String resolvedRevision() {
            return explicit.build().orElse(config).revision().orElse("unknown");
        }
    }
}
