package dev.lucidmetrics.reliability;

/** One goal of a scenario, whether this run met it, and the figure it was judged on. */
record Goal(String goal, boolean met, String measured) {
}
