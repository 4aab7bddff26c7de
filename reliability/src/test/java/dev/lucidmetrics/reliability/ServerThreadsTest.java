package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attack's size comes from the servers in the demo jars, not from a number written into the runner. */
class ServerThreadsTest {

    @TempDir
    Path tree;

    /** A tree whose demo-iotd jar holds the two classes with the given bodies, compiled here. */
    private void demoJar(String metricsServerBody, String demoServerBody) throws IOException {
        Path src = tree.resolve("src");
        write(src.resolve("dev/lucidmetrics/core/exposition/MetricsServer.java"),
                "package dev.lucidmetrics.core.exposition; public final class MetricsServer { " + metricsServerBody + " }");
        write(src.resolve("dev/lucidmetrics/demo/support/DemoServer.java"),
                "package dev.lucidmetrics.demo.support; public final class DemoServer { " + demoServerBody + " }");
        Path classes = tree.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("dev/lucidmetrics/core/exposition/MetricsServer.java").toString(),
                src.resolve("dev/lucidmetrics/demo/support/DemoServer.java").toString());
        assertEquals(0, rc, "javac");
        Path jar = tree.resolve("demo-iotd/target/demo-iotd.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theReaderThreadsAreReadFromTheMetricsServerAndTheDemoServerInTheJar() throws IOException {
        demoJar("public static final int READER_THREADS = 7;",
                "public static final int DEFAULT_HTTP_THREADS = 3; public static int readerThreads(int t) { return 10 * t; }");
        assertEquals(new ServerThreads(7, 30), ServerThreads.of(tree));
        assertEquals(15, ServerThreads.attackers(7));
    }

    @Test
    void aJarWhoseServerDoesNotSayFailsNamingWhatIsMissing() throws IOException {
        demoJar("public static final int READER_THREADS = 7;", "public static final int DEFAULT_HTTP_THREADS = 3;");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerThreads.of(tree));
        assertTrue(e.getMessage().contains("readerThreads"), e.getMessage());
    }

    @Test
    void aTreeWithoutTheDemoJarFailsNamingTheJar() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerThreads.of(tree));
        assertTrue(e.getMessage().contains("demo-iotd.jar is missing"), e.getMessage());
    }
}
