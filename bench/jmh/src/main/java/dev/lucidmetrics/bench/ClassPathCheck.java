package dev.lucidmetrics.bench;

import io.prometheus.client.exemplars.ExemplarConfig;

/** Fails a run whose class path is not what its {@code classpath} parameter claims, so no comparison is fake. */
final class ClassPathCheck {
    private ClassPathCheck() {
    }

    static void verify(String expected) {
        boolean otel = present("io.opentelemetry.api.trace.Span");
        boolean sampling = ExemplarConfig.getCounterExemplarSampler() != null;
        boolean wantOtel = switch (expected) {
            case "plain" -> false;
            case "otel" -> true;
            default -> throw new IllegalArgumentException("classpath parameter \"" + expected
                    + "\" is not one of plain, otel.");
        };
        if (otel != wantOtel || sampling != wantOtel) {
            throw new IllegalStateException("classpath=" + expected + " but OpenTelemetry API present=" + otel
                    + ", simpleclient exemplar sampler active=" + sampling
                    + ": run with bench/jmh/target/otel-classpath/* on the class path for classpath=otel only.");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ClassPathCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
