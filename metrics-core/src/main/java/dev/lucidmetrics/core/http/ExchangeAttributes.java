package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attributes of one exchange. The JDK keeps an exchange's attributes in its {@code HttpContext}, shared by every
 * exchange of that context (JDK bug 7105350; measured on JDK 17), so an attribute one request sets is read, or
 * overwritten, by the next. The exchange the metrics filter hands down keeps what is set on it here instead;
 * reading an attribute never set here falls back to the JDK's (the context's attributes stay visible).
 */
final class ExchangeAttributes {

    private final HttpExchange jdk;
    private final Map<String, Object> own = new ConcurrentHashMap<>();

    ExchangeAttributes(HttpExchange jdk) {
        this.jdk = jdk;
    }

    Object get(String name) {
        Object value = own.get(name);
        return value != null ? value : jdk.getAttribute(name);
    }

    /** Sets {@code name} for this exchange only; null removes what was set here. */
    void set(String name, Object value) {
        if (value == null) {
            own.remove(name);
        } else {
            own.put(name, value);
        }
    }
}
