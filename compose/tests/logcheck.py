#!/usr/bin/env python3
"""Checks the demo apps' LOG_FORMAT=json output, read from the log files e2e-local wrote (stdlib only).
Exit 0 = all good, 1 = a finding.

  logcheck.py schema LOG ...                        every line of every LOG is one JSON object of the demos' log
                                                    schema (the one demo-support's LogLine writes)
  logcheck.py traces GALLERY IOTD ACCESSLOG ID ...  each trace id sent to the gallery is in its request line; for
                                                    the pages answered 200 also in iotd's request line and in
                                                    access-log's visit record (the trace passed on)
"""
import json
import re
import sys

LEVELS = {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"}
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
REQUEST_LOGGER = "dev.lucidmetrics.demo.support.RequestLog"
VISIT_LOGGER = "dev.lucidmetrics.demo.accesslog.AccessLog"


def problems(line):
    """What is wrong with one parsed line, as a list of findings (empty: it follows the schema)."""
    if not isinstance(line, dict):
        return ["not a JSON object"]
    found = [f"no text field {k!r}" for k in ("time", "level", "logger", "thread", "message")
             if not isinstance(line.get(k), str)]
    if found:
        return found
    if not TIME.fullmatch(line["time"]):
        found.append(f"time {line['time']!r} is not UTC to the millisecond")
    if line["level"] not in LEVELS:
        found.append(f"level {line['level']!r}")
    if ("trace_id" in line or "span_id" in line) and not (
            re.fullmatch(r"[0-9a-f]{32}", str(line.get("trace_id"))) and re.fullmatch(r"[0-9a-f]{16}", str(line.get("span_id")))):
        found.append(f"trace_id/span_id {line.get('trace_id')!r}/{line.get('span_id')!r}")
    if line["logger"] == REQUEST_LOGGER:
        if not (isinstance(line.get("method"), str) and str(line.get("path", "")).startswith("/")
                and (isinstance(line.get("status"), int) or "error" in line)
                and isinstance(line.get("duration_ms"), (int, float)) and "trace_id" in line):
            found.append("a request line needs method, path, status, duration_ms and trace_id")
    return found


def read(path):
    """The parsed lines of a log file; raises ValueError naming the first line that is not a schema line."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            try:
                line = json.loads(text)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e.msg}): {text.rstrip()[:200]}")
            found = problems(line)
            if found:
                raise ValueError(f"{path}:{n}: {'; '.join(found)}: {text.rstrip()[:200]}")
            lines.append(line)
    return lines


def schema(paths):
    total = 0
    for path in paths:
        try:
            total += len(read(path))
        except ValueError as e:
            print(f"FAIL  {e}")
            return False
    print(f"logs: {total} lines in {len(paths)} files, every one a JSON log line")
    return total > 0


def traces(args):
    gallery, iotd, accesslog = (read(p) for p in args[:3])
    sent, followed, failed_pages, good = args[3:], 0, 0, True

    def with_id(lines, trace_id, logger):
        return [l for l in lines if l.get("trace_id") == trace_id and l["logger"] == logger]

    for trace_id in sent:
        pages = with_id(gallery, trace_id, REQUEST_LOGGER)
        if len(pages) != 1:
            print(f"FAIL  trace {trace_id}: {len(pages)} gallery request lines, expected 1")
            good = False
            continue
        if pages[0].get("status") != 200:
            failed_pages += 1   # an injected failure answers before calling anyone
            continue
        calls, visits = with_id(iotd, trace_id, REQUEST_LOGGER), with_id(accesslog, trace_id, VISIT_LOGGER)
        if calls and visits:
            followed += 1
        else:
            print(f"FAIL  trace {trace_id}: {len(calls)} iotd request lines, {len(visits)} access-log visits")
            good = False
    print(f"traces: {followed} of {len(sent)} sent trace ids followed through gallery, iotd and access-log"
          f" ({failed_pages} pages were injected failures)")
    return good and followed > 0


def main(argv):
    try:
        if argv[0] == "schema":
            return 0 if schema(argv[1:]) else 1
        if argv[0] == "traces":
            return 0 if traces(argv[1:]) else 1
    except ValueError as e:
        print(f"FAIL  {e}")
        return 1
    raise SystemExit(f"unknown subcommand {argv[0]!r}; see the module docstring")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
