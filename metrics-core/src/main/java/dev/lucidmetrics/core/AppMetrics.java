package dev.lucidmetrics.core;

import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.MetricSnapshots;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import io.prometheus.client.CollectorRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An application's metrics: its namespace, build info and registry, and the factories for its metrics. Every metric
 * name is prefixed with the namespace and checked against the naming rules when registered.
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

    private final String namespace;
    private final String version;
    private final String revision;
    private final List<String> commonLabelNames;
    private final String[] commonLabelValues;
    private final CollectorRegistry registry;
    private final int maxLabelCombinations;
    private final Map<String, Registered> registered = new HashMap<>();

    private AppMetrics(Builder b) {
        this.namespace = b.namespace;
        this.version = b.resolvedVersion();
        this.revision = b.resolvedRevision();
        this.commonLabelNames = List.copyOf(b.commonLabels.keySet());
        this.commonLabelValues = b.commonLabels.values().toArray(new String[0]);
        this.registry = b.registry;
        this.maxLabelCombinations = b.maxLabelCombinations;
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
     * The escape hatch to simpleclient: the registry behind this app, to register a raw simpleclient collector or
     * hand the registry to simpleclient code. Everything else in Lucid Metrics takes the {@code AppMetrics} itself;
     * see docs/api.md.
     */
    public CollectorRegistry collectorRegistry() {
        return registry;
    }

    /**
     * Every family of this app's registry at this instant, sorted by name — the app's own metrics and whatever was
     * registered around the factories through the escape hatch. For tests and diagnostics: a scrape is the way to
     * read metrics in production.
     */
    public MetricSnapshots snapshot() {
        return RegistrySnapshots.of(registry);
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

    /**
     * Registers what {@code create} makes under {@code b}'s name, once: a second registration of the same name, type
     * and label names returns the first metric. A callback is registered once only, since a second one would
     * silently drop the first one's reporter.
     */
    synchronized <T> T registerOnce(MetricBuilder<?, ?> b, Supplier<T> create) {
        Registered existing = registered.get(b.name);
        if (existing != null && (existing.metric instanceof Callback || isCallback(create))) {
            throw new IllegalArgumentException("\"" + b.name + "\" is already registered"
                    + (existing.metric instanceof Callback ? " with a callback" : "") + ": a callback metric has its"
                    + " name to itself, registered once; keep the Callback that registerCallback(...) returned.");
        }
        if (existing != null) {
            if (existing.type != b.type || !existing.labelNames.equals(b.labelNames())) {
                throw new IllegalArgumentException("\"" + b.name + "\" is already registered as a "
                        + existing.type.displayName().toLowerCase() + " with label names " + existing.labelNames
                        + "; it cannot also be a " + b.type.displayName().toLowerCase() + " with label names "
                        + b.labelNames() + ". One name has one type and one set of label names: reuse the existing"
                        + " metric or choose another name.");
            }
            @SuppressWarnings("unchecked")
            T metric = (T) existing.metric;
            return metric;
        }
        T metric;
        try {
            metric = create.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + b.name + "\" clashes with a metric already in the registry"
                    + " (simpleclient says: " + e.getMessage() + "): choose another name.", e);
        }
        registered.put(b.name, new Registered(b.type, List.copyOf(b.labelNames()), metric));
        return metric;
    }

    private static boolean isCallback(Supplier<?> create) {
        return create instanceof CallbackRegistration;
    }

    /** Marks the registration of a callback metric, which {@link #registerOnce} registers once only. */
    interface CallbackRegistration extends Supplier<Callback> {
    }

    private static final class Registered {
        final MetricType type;
        final List<String> labelNames;
        final Object metric;

        Registered(MetricType type, List<String> labelNames, Object metric) {
            this.type = type;
            this.labelNames = labelNames;
            this.metric = metric;
        }
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
        private CollectorRegistry registry;
        private int maxLabelCombinations = DEFAULT_MAX_LABEL_COMBINATIONS;

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
         * Takes {@code APP_VERSION} and {@code APP_REVISION} from the settings (when set); an explicit
         * {@link #version(String)} or {@link #revision(String)} still wins.
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
         * The escape hatch from simpleclient: register into this existing registry (such as simpleclient's
         * {@code CollectorRegistry.defaultRegistry}) instead of a new one owned by this app.
         */
        public Builder collectorRegistry(CollectorRegistry registry) {
            this.registry = Checks.notNull("registry", registry, "pass a CollectorRegistry, or leave it unset for a"
                    + " new one");
            return this;
        }

        /** Default limit of label combinations per metric (1000); {@code maxLabelCombinations} on a builder wins. */
        public Builder maxLabelCombinations(int limit) {
            this.maxLabelCombinations = Checks.atLeastOne("maxLabelCombinations", limit,
                    DEFAULT_MAX_LABEL_COMBINATIONS);
            return this;
        }

        public AppMetrics build() {
            if (registry == null) {
                registry = new CollectorRegistry(true);
            }
            AppMetrics app = new AppMetrics(this);
            app.info("build_info").help("Build facts of " + namespace + "; the value is always 1.")
                    .label("version", app.version).label("revision", app.revision)
                    .label("java_version", System.getProperty("java.version", "unknown")).register();
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
