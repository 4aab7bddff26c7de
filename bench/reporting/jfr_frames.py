#!/usr/bin/env python3
"""Where the benchmark threads were when JFR sampled them: for each `<dir>/<benchmark>-<mode>/profile.jfr` that
JMH's `-prof jfr` wrote, the top frame (class.method:line, inlined frames resolved) of every execution sample taken on
a JMH worker thread, counted. Prints CSV: benchmark,frame,samples,share.

Usage: python3 bench/reporting/jfr_frames.py JFR_TOOL DIR   (JFR_TOOL: the JDK's bin/jfr)
"""
import collections
import glob
import json
import os
import subprocess
import sys

TOOL, DIR = sys.argv[1], sys.argv[2]
print("benchmark,frame,samples,share")
for jfr in sorted(glob.glob(os.path.join(DIR, "*", "profile.jfr"))):
    benchmark = os.path.basename(os.path.dirname(jfr)).rsplit("-", 1)[0].rsplit(".", 1)[-1]
    dump = subprocess.run([TOOL, "print", "--json", "--events", "jdk.ExecutionSample", jfr],
                          check=True, capture_output=True, text=True).stdout
    frames = collections.Counter()
    for event in json.loads(dump)["recording"]["events"]:
        values = event["values"]
        if "jmh-worker" not in (values["sampledThread"].get("javaName") or ""):
            continue
        stack = values["stackTrace"]["frames"] if values.get("stackTrace") else []
        if stack:
            top = stack[0]
            frames[f"{top['method']['type']['name'].replace('/', '.')}.{top['method']['name']}:{top['lineNumber']}"] += 1
    total = sum(frames.values())
    for frame, n in frames.most_common(8):
        print(f"{benchmark},{frame},{n},{n / total:.3f}")
