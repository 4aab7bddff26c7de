package dev.lucidmetrics.reliability;

import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 request as the bytes a client writes (keep-alive unless it says {@code Connection: close}). */
record Request(String method, String path, byte[] bytes) {

    static Request get(String host, String path) {
        return of("GET", host, path, null, null);
    }

    static Request postJson(String host, String path, String json) {
        return of("POST", host, path, "application/json", json);
    }

    /** A request with any method token and, when {@code body} is not null, a body of {@code contentType}. */
    static Request of(String method, String host, String path, String contentType, String body) {
        StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n");
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(payload.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(payload, 0, all, headBytes.length, payload.length);
        return new Request(method, path, all);
    }

    boolean head() {
        return "HEAD".equals(method);
    }
}
