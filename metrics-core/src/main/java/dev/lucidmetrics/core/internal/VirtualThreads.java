package dev.lucidmetrics.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads where the JDK has them (21+), found by reflection so that the library stays compiled for Java
 * 17: one new virtual thread per task, named after the server. Internal.
 */
public final class VirtualThreads {

    private VirtualThreads() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code setting} on a JVM older than 21.
     *
     * @param setting the setting that asks for virtual threads, such as {@code "METRICS_VIRTUAL_THREADS=true"}
     */
    public static void requireAvailable(String setting) {
        if (!available()) {
            throw new IllegalArgumentException(setting + " asks for virtual threads, which need Java 21 or newer; this"
                    + " JVM is " + Runtime.version() + ": run on 21+ or leave the setting off (platform threads).");
        }
    }

    /** True when this JVM can run virtual threads. */
    public static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * An executor that runs each task on a new virtual thread.
     *
     * @param setting names the setting that asked for it, for the message when this JVM has none
     * @throws IllegalArgumentException on a JVM older than 21
     */
    public static ExecutorService perTaskExecutor(String setting) {
        requireAvailable(setting);
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Java " + Runtime.version() + " has no virtual-thread executor", e);
        }
    }
}
