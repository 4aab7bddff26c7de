package dev.lucidmetrics.core.http;

import java.net.http.HttpTimeoutException;

/**
 * The bounded {@code code} of a client call that produced no response: {@value ClientCalls#TIMEOUT} when a
 * request or connect timeout fired ({@link HttpTimeoutException}, which {@code HttpConnectTimeoutException}
 * extends), {@value ClientCalls#ERROR} for anything else. The exception message is never used.
 */
final class ClientOutcome {

    private ClientOutcome() {
    }

    static String codeFor(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return ClientCalls.TIMEOUT;
            }
        }
        return ClientCalls.ERROR;
    }
}
