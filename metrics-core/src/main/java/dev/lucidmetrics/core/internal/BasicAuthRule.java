package dev.lucidmetrics.core.internal;

/** The one rule for HTTP basic-auth credentials, for the builders and the environment alike. Internal. */
public final class BasicAuthRule {

    private BasicAuthRule() {
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code user} is non-blank without ':' and {@code password} is
     * non-empty. The password is never quoted.
     *
     * @param userSetting     names where the user came from, such as {@code "Basic auth user"} or
     *                        {@code "METRICS_AUTH_USER"}
     * @param passwordSetting names where the password came from
     */
    public static void check(String userSetting, String user, String passwordSetting, String password) {
        if (user == null || user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException(userSetting + " \"" + user + "\" is illegal: use a non-blank name"
                    + " without ':' (HTTP basic auth separates user and password with it).");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(passwordSetting + " for user \"" + user + "\" is empty: give a"
                    + " non-empty password, read from a secret file rather than written in code.");
        }
    }
}
