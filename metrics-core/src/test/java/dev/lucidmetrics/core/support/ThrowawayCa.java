package dev.lucidmetrics.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority made for one test with the JDK's keytool, and a server key it signed for
 * {@code localhost}/{@code 127.0.0.1}: a PKCS#12 keystore for the server, and an {@link SSLContext} that trusts the
 * CA alone, for the client. Nothing of it outlives the test's temporary folder; no key is ever committed.
 */
public final class ThrowawayCa {

    public static final String PASSWORD = "throwaway-password";

    private final Path keystore;
    private final Path truststore;

    private ThrowawayCa(Path keystore, Path truststore) {
        this.keystore = keystore;
        this.truststore = truststore;
    }

    /** Makes the CA and the server's keystore in {@code dir}. */
    public static ThrowawayCa in(Path dir) {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path trust = dir.resolve("trust.p12");
        Path caCert = dir.resolve("ca.pem");
        Path csr = dir.resolve("server.csr");
        Path cert = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Throwaway test CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", ca);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", caCert);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-keystore", server);
        keytool("-certreq", "-alias", "server", "-keystore", server, "-file", csr);
        keytool("-gencert", "-alias", "ca", "-keystore", ca, "-infile", csr, "-outfile", cert, "-rfc", "-validity",
                "2", "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", server, "-file", caCert);
        keytool("-importcert", "-alias", "server", "-keystore", server, "-file", cert);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", trust, "-file", caCert);
        return new ThrowawayCa(server, trust);
    }

    /** The server's PKCS#12 keystore (password {@link #PASSWORD}). */
    public Path keystore() {
        return keystore;
    }

    /** A client context that trusts this CA alone. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(in, PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the throwaway CA's truststore cannot be read", e);
        }
    }

    private static void keytool(Object... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        for (Object a : args) {
            argv.add(a.toString());
        }
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + argv + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running keytool", e);
        }
    }
}
