package dev.lucidmetrics.core;

import io.prometheus.client.CollectorRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

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
        this.version = b.version;
        this.revision = b.revision;
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

    /** The simpleclient registry behind this app: register raw collectors here, or serve it. */
    public CollectorRegistry collectorRegistry() {
        return registry;
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

    synchronized <M> M registerOnce(MetricBuilder<?, M> b) {
        Registered existing = registered.get(b.name);
        if (existing != null) {
            if (existing.type != b.type || !existing.labelNames.equals(b.labelNames)) {
                throw new IllegalArgumentException("\"" + b.name + "\" is already registered as a "
                        + existing.type.label().toLowerCase() + " with label names " + existing.labelNames
                        + "; it cannot also be a " + b.type.label().toLowerCase() + " with label names "
                        + b.labelNames + ". One name has one type and one set of label names: reuse the existing"
                        + " metric or choose another name.");
            }
            @SuppressWarnings("unchecked")
            M metric = (M) existing.metric;
            return metric;
        }
        M metric;
        try {
            metric = b.create();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + b.name + "\" clashes with a metric already in the registry"
                    + " (simpleclient says: " + e.getMessage() + "): choose another name.", e);
        }
        registered.put(b.name, new Registered(b.type, b.labelNames, metric));
        return metric;
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

    /** Describes an app; {@link #build()} registers its {@code <namespace>_build_info}. */
    public static final class Builder {
        private final String namespace;
        private String version = "unknown";
        private String revision = "unknown";
        private final Map<String, String> commonLabels = new LinkedHashMap<>();
        private CollectorRegistry registry;
        private int maxLabelCombinations = 1000;

        Builder(String namespace) {
            if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
                throw new IllegalArgumentException("Namespace \"" + namespace + "\" is not snake_case: use lower-case"
                        + " words joined by '_', such as \"" + NamingRules.toSnakeCase(String.valueOf(namespace))
                        + "\".");
            }
            this.namespace = namespace;
        }

        /** The app's version for {@code _build_info}; default: the jar manifest's, if any, else "unknown". */
        public Builder version(String version) {
            this.version = requireText("version", version);
            return this;
        }

        /** The source revision (commit) for {@code _build_info}; default "unknown". */
        public Builder revision(String revision) {
            this.revision = requireText("revision", revision);
            return this;
        }

        /** Takes the version from the {@code Implementation-Version} of the jar holding {@code mainClass}. */
        public Builder versionFrom(Class<?> mainClass) {
            String v = mainClass.getPackage() == null ? null : mainClass.getPackage().getImplementationVersion();
            if (v != null && !v.isBlank()) {
                this.version = v;
            }
            return this;
        }

        /** A label with a fixed value added to every metric of the app (use sparingly; prefer target labels). */
        public Builder commonLabel(String name, String value) {
            List<String> findings = new ArrayList<>(NamingRules.checkLabelNames(namespace, List.of(name)));
            if (!findings.isEmpty()) {
                throw new IllegalArgumentException(String.join(" ", findings));
            }
            commonLabels.put(name, requireText("value of common label \"" + name + "\"", value));
            return this;
        }

        /** The registry to register into; default a new one owned by this app. */
        public Builder registry(CollectorRegistry registry) {
            if (registry == null) {
                throw new IllegalArgumentException("registry is null: pass a CollectorRegistry, or leave it unset"
                        + " for a new one.");
            }
            this.registry = registry;
            return this;
        }

        /** Default limit of label combinations per metric (1000); see {@link MetricBuilder#maxLabelCombinations}. */
        public Builder maxLabelCombinations(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxLabelCombinations(" + limit + ") is illegal: it must be at"
                        + " least 1.");
            }
            this.maxLabelCombinations = limit;
            return this;
        }

        public AppMetrics build() {
            AppMetrics app = new AppMetrics(withDefaults());
            app.info("build_info").help("Build facts of " + namespace + "; the value is always 1.")
                    .label("version", version).label("revision", revision)
                    .label("java_version", System.getProperty("java.version", "unknown")).register();
            return app;
        }

        private Builder withDefaults() {
            if (registry == null) {
                registry = new CollectorRegistry(true);
            }
            return this;
        }

        private static String requireText(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " is empty: pass a non-blank value such as \"1.0.0\".");
            }
            return value;
        }
    }
}
