package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The most platform threads each attacked server reads requests on, read from the demo jars of this tree (loaded in
 * a class loader of their own): {@code MetricsServer.READER_THREADS} (iotd's metrics port) and
 * {@code DemoServer.readerThreads(DEFAULT_HTTP_THREADS)} (the gallery's port). The short form holds twice that
 * plus one slow clients against each: every thread taken, and as many waiting.
 */
record ServerThreads(int metricsServer, int demoServer) {

    static final String METRICS_SERVER = "dev.lucidmetrics.core.exposition.MetricsServer";
    static final String DEMO_SERVER = "dev.lucidmetrics.demo.support.DemoServer";

    /** @param root the tree whose {@code demo-iotd/target/demo-iotd.jar} (and its lib/) to read */
    static ServerThreads of(Path root) {
        Path jar = root.resolve("demo-iotd").resolve("target").resolve("demo-iotd.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the demo jars (scripts/reliability does)");
        }
        try (URLClassLoader jars = new URLClassLoader(new URL[] {url(jar)}, ClassLoader.getPlatformClassLoader())) {
            int metrics = Class.forName(METRICS_SERVER, true, jars).getField("READER_THREADS").getInt(null);
            Class<?> demo = Class.forName(DEMO_SERVER, true, jars);
            int routes = demo.getField("DEFAULT_HTTP_THREADS").getInt(null);
            int readers = (int) demo.getMethod("readerThreads", int.class).invoke(null, routes);
            return new ServerThreads(metrics, readers);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("the demo jars of " + root + " do not say how many threads their servers"
                    + " read requests on (" + cause + "): run the attack from a tree with MetricsServer.READER_THREADS"
                    + " and DemoServer.readerThreads", cause);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Twice the threads plus one. */
    static int attackers(int threads) {
        return 2 * threads + 1;
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }
}
