"""The parts of bench/report.py: one module per section of docs/performance.md, and common.py for what they share."""
