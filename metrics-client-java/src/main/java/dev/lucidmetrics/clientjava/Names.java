package dev.lucidmetrics.clientjava;

/** The names client_java's model gives families: without the suffix the type adds to its samples. */
final class Names {

    private Names() {
    }

    /** {@code name} without {@code suffix} ({@code _total} of a counter, {@code _info} of an info). */
    static String withoutSuffix(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
