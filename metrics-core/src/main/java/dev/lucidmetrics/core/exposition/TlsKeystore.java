package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpsConfigurator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The HTTPS of a metrics server from a PKCS#12 keystore ({@code METRICS_TLS_KEYSTORE}); every failure named. */
final class TlsKeystore {

    private TlsKeystore() {
    }

    static HttpsConfigurator configurator(Path keystore, String password) {
        char[] secret = password.toCharArray();
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS keystore \"" + keystore + "\" cannot be read as PKCS#12 with the"
                    + " password given (" + e.getClass().getSimpleName() + "): point METRICS_TLS_KEYSTORE at a"
                    + " PKCS#12 file (openssl pkcs12 -export, or keytool -storetype PKCS12) and its password file"
                    + " at the password it was written with.", e);
        }
        try {
            if (Collections.list(store.aliases()).stream().noneMatch(a -> isKey(store, a))) {
                throw new IllegalArgumentException("TLS keystore \"" + keystore + "\" holds no private key: export the"
                        + " server's key together with its certificate chain.");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new HttpsConfigurator(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS keystore \"" + keystore + "\" cannot serve HTTPS ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): its key needs the keystore's"
                    + " password.", e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
