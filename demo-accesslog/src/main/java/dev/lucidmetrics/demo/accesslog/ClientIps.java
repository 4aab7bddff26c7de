package dev.lucidmetrics.demo.accesslog;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates client IPs as literals only (never a DNS lookup) and normalises them to one spelling. */
final class ClientIps {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private ClientIps() {
    }

    /** The address in its canonical form, or empty when {@code text} is not an IPv4 or IPv6 literal. */
    static Optional<String> normalise(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.contains(":") && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            // With a literal like these, getByName parses and never resolves a name.
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet4Address || address instanceof Inet6Address
                    ? Optional.of(address.getHostAddress()) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
