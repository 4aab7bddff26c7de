package dev.lucidmetrics.core.otlp;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.internal.AppRegistries;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.spi.BackendRegistry;
import dev.lucidmetrics.core.spi.OtlpTarget;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes an app's metrics over OTLP every interval, on the client_java backend (client_java's OpenTelemetry
 * exporter), when the settings ask for it: off unless an endpoint is set, by {@link Builder#endpoint} or
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} ({@link OtlpConfig}).
 * <pre>{@code
 * OtlpPush otlp = OtlpPush.builder(app).config(OtlpConfig.fromEnvironment()).start();   // off, or pushing
 * Runtime.getRuntime().addShutdownHook(new Thread(otlp::close));                        // pushes a last time
 * }</pre>
 * Each setting is an explicit call, else the config's, else the default (protocol {@code http/protobuf}, every
 * 60 s, {@code service.name} the app's namespace). On the simpleclient backend an endpoint stops the start.
 */
public final class OtlpPush implements AutoCloseable {

    private final AutoCloseable exporter;
    private final OtlpTarget target;

    private OtlpPush(AutoCloseable exporter, OtlpTarget target) {
        this.exporter = exporter;
        this.target = target;
    }

    /** Starts describing the push of {@code app}'s metrics. */
    public static Builder builder(AppMetrics app) {
        return new Builder(Checks.notNull("app", app, "pass the AppMetrics whose metrics to push"));
    }

    /** Whether the push runs (an endpoint was set). */
    public boolean running() {
        return exporter != null;
    }

    /** Where the push goes, or null when it is off. */
    public OtlpTarget target() {
        return target;
    }

    /** Stops the push after a last one (waiting for it a few seconds at most); nothing when it is off. */
    @Override
    public void close() {
        if (exporter == null) {
            return;
        }
        try {
            exporter.close();
        } catch (Exception e) {
            System.getLogger(OtlpPush.class.getName()).log(System.Logger.Level.WARNING, "The last OTLP push to "
                    + target.endpoint() + " failed", e);
        }
    }

    /** Builds an {@link OtlpPush}; each setting is an explicit call, else the config's, else the default. */
    public static final class Builder {
        private final AppMetrics app;
        private OtlpConfig config = OtlpConfig.empty();
        private URI endpoint;
        private String protocol;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration interval;
        private String serviceName;
        private final Map<String, String> resource = new LinkedHashMap<>();

        Builder(AppMetrics app) {
            this.app = app;
        }

        /** Takes every setting the explicit calls leave unset from {@code config}. */
        public Builder config(OtlpConfig config) {
            this.config = Checks.notNull("config", config, "pass OtlpConfig.fromEnvironment()");
            return this;
        }

        /**
         * The collector's OTLP URL, such as {@code http://otel-collector:4318} ({@code v1/metrics} is appended for
         * {@code http/protobuf} unless the path ends in it); turns the push on.
         */
        public Builder endpoint(String url) {
            this.endpoint = OtlpConfig.endpoint("endpoint", Checks.notNull("url", url, "pass an http(s) URL"));
            return this;
        }

        /** {@code http/protobuf} (the default) or {@code grpc}. */
        public Builder protocol(String protocol) {
            this.protocol = OtlpConfig.protocol("protocol", Checks.notNull("protocol", protocol, "pass grpc"));
            return this;
        }

        /** A request header, such as an {@code Authorization}; replaces the config's headers. */
        public Builder header(String name, String value) {
            headers.put(Checks.notNull("name", name, "pass a header name"), Checks.notNull("value", value,
                    "pass the header's value"));
            return this;
        }

        /** The time between two pushes: whole seconds, at least one; default 60 s. */
        public Builder interval(Duration interval) {
            this.interval = OtlpConfig.interval("interval(" + interval + ")", Checks.notNull("interval", interval,
                    "pass Duration.ofSeconds(60)"));
            return this;
        }

        /** The {@code service.name} resource attribute; default the app's namespace. */
        public Builder serviceName(String name) {
            this.serviceName = Checks.notNull("name", name, "pass the service's name");
            return this;
        }

        /** A resource attribute; replaces the config's attributes. */
        public Builder resourceAttribute(String key, String value) {
            resource.put(Checks.notNull("key", key, "pass an attribute key"), Checks.notNull("value", value,
                    "pass the attribute's value"));
            return this;
        }

        /**
         * Starts the push when an endpoint is set; else returns a push that is off.
         *
         * @throws IllegalArgumentException when the backend cannot push OTLP, naming the one that can
         */
        public OtlpPush start() {
            URI url = endpoint != null ? endpoint : config.endpoint().orElse(null);
            if (url == null) {
                return new OtlpPush(null, null);
            }
            Map<String, String> attributes = new LinkedHashMap<>(resource.isEmpty() ? config.resource() : resource);
            if (serviceName != null) {
                attributes.put("service.name", serviceName);
            }
            attributes.putIfAbsent("service.name", app.namespace());
            String proto = protocol != null ? protocol : config.protocol().orElse("http/protobuf");
            url = OtlpConfig.resolve(url, endpoint == null && config.signalEndpoint(), proto);
            OtlpTarget target = new OtlpTarget(url, proto, headers.isEmpty() ? config.headers() : headers,
                    interval != null ? interval : config.interval().orElse(Duration.ofSeconds(60)), attributes);
            BackendRegistry registry = AppRegistries.of(app);
            AutoCloseable exporter = registry.backend().startOtlpPush(registry, target);
            if (exporter == null) {
                throw new IllegalArgumentException("OTLP push to " + url + " was asked for, but the "
                        + registry.backend().name() + " backend (" + registry.backend().artifact() + ") cannot push"
                        + " OTLP. Switch to dev.lucidmetrics:metrics-client-java, which pushes it with client_java's"
                        + " OpenTelemetry exporter, or unset OTEL_EXPORTER_OTLP_ENDPOINT.");
            }
            return new OtlpPush(exporter, target);
        }
    }
}
