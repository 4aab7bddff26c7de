package dev.lucidmetrics.core.support;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** A real OpenTelemetry SDK tracer provider for tests that need current spans with real trace and span ids. */
public final class TestTracing {

    private TestTracing() {
    }

    /** A provider whose spans are real (the SDK's tracers are no-ops without a span processor); close it after. */
    public static SdkTracerProvider provider() {
        return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new Discarding())).build();
    }

    /** Takes finished spans and drops them: the tests only need the spans' ids while they are current. */
    private static final class Discarding implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
