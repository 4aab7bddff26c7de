#!/usr/bin/env python3
"""Bytes allocated under a frame, from the collapsed allocation profiles JMH's async profiler writes
(`-prof "async:event=alloc;output=collapsed;rawCommand=total;dir=DIR"`): for each benchmark, the total, the part
allocated with FRAME on the stack (a substring of a frame, such as a class name) and the top allocation sites, each
as the allocating method and the innermost project or client frame above it (so a buffer grown while a writer writes a
name reads "Arrays.copyOf under TextFormatUtil.writeName", not "writeName"). Prints Markdown.

Usage: python3 bench/alloc_under.py DIR FRAME [MUST_ALSO_HAVE]   (MUST_ALSO_HAVE: a second substring the stack needs)
"""
import collections
import glob
import os
import sys

DIR, FRAME = sys.argv[1], sys.argv[2]
ALSO = sys.argv[3] if len(sys.argv) > 3 else None
print(f"| benchmark | allocated, MiB | with `{FRAME}`{f' under `{ALSO}`' if ALSO else ''} on the stack | share | "
      "top allocation sites: allocating method under the innermost project or client frame |")
print("|---|---:|---:|---:|---|")
def short(frame):
    """dev/lucidmetrics/core/Foo$Bar.method as Foo$Bar.method."""
    return frame.rsplit("/", 1)[-1]


for f in sorted(glob.glob(os.path.join(DIR, "*", "collapsed-alloc.csv"))):
    name = os.path.basename(os.path.dirname(f)).split("-AverageTime")[0].rsplit(".", 2)[-2:]
    total = under = 0
    top = collections.Counter()
    for line in open(f):
        stack, _, n = line.rstrip("\n").rpartition(" ")
        n = int(n)
        frames = stack.split(";")
        total += n
        if any(FRAME in x for x in frames) and (ALSO is None or any(ALSO in x for x in frames)):
            under += n
        own = [x for x in frames[:-1] if x.startswith(("dev/lucidmetrics", "io/prometheus"))]
        site = short(frames[-2]) if len(frames) > 1 else short(frames[-1])
        top[site + (f" under {short(own[-1])}" if own and own[-1] != frames[-2] else "")] += n
    tops = "; ".join(f"`{k}` {v / total:.0%}" for k, v in top.most_common(3))
    print(f"| {'.'.join(name)} | {total / 2**20:,.1f} | {under / 2**20:,.1f} | {under / total:.1%} | {tops} |")
