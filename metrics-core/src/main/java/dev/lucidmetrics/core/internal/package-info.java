/**
 * Internal: shared rules and plumbing of Lucid Metrics (argument checks, path and bucket rules, the cardinality
 * guard, sample-name suffixes). Public only so the library's own packages can share one implementation of each
 * rule; not API — it may change in any release without notice. See docs/api.md.
 */
package dev.lucidmetrics.core.internal;
