package dev.lucidmetrics.core;

import dev.lucidmetrics.core.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the backend an app runs on, among those on the class path; every failure names what to do. */
final class Backends {

    /** The backend artifacts this project publishes, for the message when none is on the class path. */
    static final String ARTIFACTS = "dev.lucidmetrics:metrics-simpleclient (simpleclient 0.16, the default) or"
            + " dev.lucidmetrics:metrics-client-java (client_java 1.x)";

    private Backends() {
    }

    /**
     * The backend named {@code requested}, or, when null, the only one on the class path.
     *
     * @throws IllegalStateException when none, or more than one and none requested, or the requested one is absent
     */
    static Backend find(String requested) {
        List<Backend> found = onClassPath();
        if (found.isEmpty()) {
            throw new IllegalStateException("No metrics backend is on the class path: add " + ARTIFACTS + " as a"
                    + " dependency. Since 0.3 metrics-core holds the API only; a backend artifact brings it"
                    + " along.");
        }
        if (requested != null) {
            for (Backend b : found) {
                if (b.name().equals(requested)) {
                    return b;
                }
            }
            throw new IllegalStateException("Backend \"" + requested + "\" is not on the class path; " + names(found)
                    + " is: add " + artifactFor(requested) + " or choose one that is there.");
        }
        if (found.size() > 1) {
            throw new IllegalStateException("More than one metrics backend is on the class path (" + names(found)
                    + "): keep one dependency, or name one with AppMetrics.builder(...).backend(\""
                    + found.get(0).name() + "\").");
        }
        return found.get(0);
    }

    /**
     * The backend whose registry type {@code nativeRegistry} is (the requested one, when given).
     *
     * @throws IllegalArgumentException when no backend on the class path takes it
     */
    static Backend forRegistry(String requested, Object nativeRegistry) {
        List<Backend> candidates = requested == null ? onClassPath() : List.of(find(requested));
        for (Backend b : candidates) {
            if (b.registryType().isInstance(nativeRegistry)) {
                return b;
            }
        }
        StringBuilder takes = new StringBuilder();
        for (Backend b : candidates) {
            takes.append(takes.length() == 0 ? "" : ", ").append(b.name()).append(" takes ")
                    .append(b.registryType().getName());
        }
        throw new IllegalArgumentException("registry(" + nativeRegistry.getClass().getName() + ") is no registry of"
                + " the backend" + (candidates.size() == 1 ? "" : "s") + " on the class path ("
                + (takes.length() == 0 ? "none: add " + ARTIFACTS : takes) + "): pass the backend's own registry.");
    }

    private static List<Backend> onClassPath() {
        List<Backend> found = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
            found.add(b);
        }
        return found;
    }

    private static String names(List<Backend> backends) {
        StringBuilder s = new StringBuilder();
        for (Backend b : backends) {
            s.append(s.length() == 0 ? "" : ", ").append(b.name()).append(" from ").append(b.artifact());
        }
        return s.toString();
    }

    private static String artifactFor(String name) {
        return "client_java".equals(name) ? "dev.lucidmetrics:metrics-client-java"
                : "simpleclient".equals(name) ? "dev.lucidmetrics:metrics-simpleclient" : "its backend artifact";
    }
}
