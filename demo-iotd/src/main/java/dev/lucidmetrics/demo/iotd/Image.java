package dev.lucidmetrics.demo.iotd;

/** The image of the day as {@code GET /image} returns it: {@code {"url","caption","copyright"}}. */
record Image(String url, String caption, String copyright) {
}
