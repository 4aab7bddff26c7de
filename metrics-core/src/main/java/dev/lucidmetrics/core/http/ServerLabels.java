package dev.lucidmetrics.core.http;

/** The label values of the server families that are not a request's own: sentinels and the codes of failures. */
final class ServerLabels {

    static final String ROUTE_ATTRIBUTE = "dev.lucidmetrics.route";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNMATCHED = "UNMATCHED";
    static final String NO_RESPONSE = "500";
    static final String CLIENT_CLOSED = "499";

    private ServerLabels() {
    }
}
