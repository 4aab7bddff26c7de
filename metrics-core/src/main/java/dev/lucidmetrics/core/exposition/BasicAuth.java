package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** HTTP basic authentication with one user; compares in constant time. */
final class BasicAuth extends BasicAuthenticator {

    private final byte[] user;
    private final byte[] password;

    BasicAuth(String user, String password) {
        super("metrics", StandardCharsets.UTF_8);
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** Checks the credentials a builder was given; the password is never quoted in a message. */
    static void validate(String user, String password) {
        if (user == null || user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException("Basic auth user \"" + user + "\" is illegal: use a non-blank name"
                    + " without ':' (HTTP basic auth separates user and password with it).");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Basic auth password for user \"" + user + "\" is empty: pass a"
                    + " non-empty password, for example from an environment variable.");
        }
    }

    @Override
    public boolean checkCredentials(String username, String pass) {
        boolean userOk = MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password, pass.getBytes(StandardCharsets.UTF_8));
        return userOk & passwordOk;
    }
}
