package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** HTTP basic authentication with one user (checked by {@code BasicAuthRule}); compares in constant time. */
final class BasicAuth extends BasicAuthenticator {

    private final byte[] user;
    private final byte[] password;

    BasicAuth(String user, String password) {
        super("metrics", StandardCharsets.UTF_8);
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean checkCredentials(String username, String pass) {
        boolean userOk = MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password, pass.getBytes(StandardCharsets.UTF_8));
        return userOk & passwordOk;
    }
}
