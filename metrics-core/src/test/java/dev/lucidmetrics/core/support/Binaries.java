package dev.lucidmetrics.core.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the Debian tools some tests drive; a missing tool fails the test (never skips it). */
public final class Binaries {

    private Binaries() {
    }

    /** {@code /usr/bin/<name>}, or a failure telling how to install {@code debianPackage}. */
    public static Path require(String name, String debianPackage) {
        Path path = Path.of("/usr/bin", name);
        if (!Files.isExecutable(path)) {
            fail(path + " is missing: install Debian's " + debianPackage + " package (make test does it),"
                    + " e.g. apt-get install -y " + debianPackage + ".");
        }
        return path;
    }
}
