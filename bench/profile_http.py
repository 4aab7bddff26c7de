#!/usr/bin/env python3
"""Where the HTTP filter's cost goes (section 4's misses): not a figure of record, a profile.

For the hello server on the JDK's HttpServer and on Jetty, bare and instrumented (HelloServer and JettyHelloServer,
the flags of bench/run-http.sh), alternating ABBA over ROUNDS rounds: wrk warms the server 3 s, then drives it
WRK_SECONDS, and the server's own CPU time (utime + stime from /proc/PID/stat) over the measured window is divided by
the responses wrk counted, which gives CPU µs per response. wrk's throughput on two shared cores is what section 4
judges; CPU per response is the cost under it, without wrk's share of the machine. Then, with ASYNC_PROFILER
set, one run of each server under async-profiler (cpu samples every 1 ms, per thread): samples on GC and JIT threads,
and the library's own samples (see own_frame) turned into CPU µs per response. JFR's execution sampler was tried
first and gave too few samples (73 in 11 s): the server threads spend most of their time in socket calls.

Usage: python3 bench/profile_http.py JAR OUT_DIR   (env: JAVA, WRK, ROUNDS (5), WRK_SECONDS (8), BACKEND
(simpleclient), PORT (24090), ASYNC_PROFILER (path of libasyncProfiler.so, from the Maven artifact
tools.profiler:async-profiler:4.0; none: no profile)); prints a Markdown report and writes OUT_DIR/profile-http.csv.
"""
import collections
import csv
import os
import signal
import subprocess
import sys
import time
import urllib.request

JAR, OUT = sys.argv[1], sys.argv[2]
JAVA = os.environ.get("JAVA", "java")
WRK = os.environ.get("WRK", "wrk")
ROUNDS = int(os.environ.get("ROUNDS", "5"))
SECONDS = int(os.environ.get("WRK_SECONDS", "8"))
BACKEND = os.environ.get("BACKEND", "simpleclient")
PORT = int(os.environ.get("PORT", "24090"))
PROFILER = os.environ.get("ASYNC_PROFILER", "")   # libasyncProfiler.so (tools.profiler:async-profiler)
TICK = os.sysconf("SC_CLK_TCK")
SERVERS = {"jdk": ["-Dsun.net.httpserver.nodelay=true", "dev.lucidmetrics.bench.HelloServer"],
           "jetty": ["dev.lucidmetrics.bench.JettyHelloServer"]}
os.makedirs(OUT, exist_ok=True)


def launch(server, variant, extra=()):
    flags, main = SERVERS[server][:-1], SERVERS[server][-1]
    args = [JAVA, "-Xms256m", "-Xmx256m", *flags, *extra, "-cp", JAR, main, variant, str(PORT)]
    if server == "jetty":
        args.append(str(PORT + 1))
    env = dict(os.environ, METRICS_BACKEND=BACKEND if variant == "instrumented" else "")
    proc = subprocess.Popen(args, env=env, stdout=open(os.path.join(OUT, f"{server}-{variant}.log"), "w"),
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/hello", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"{server} {variant} did not answer within 60 s (log in {OUT})")


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])   # utime, stime


def wrk(seconds):
    out = subprocess.run([WRK, "-t1", "-c16", f"-d{seconds}s", f"http://127.0.0.1:{PORT}/hello"],
                         check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit("wrk saw errors:\n" + out)
    requests = int(next(line for line in out.splitlines() if "requests in" in line).split()[0])
    return requests


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def measure(server, variant):
    proc = launch(server, variant)
    try:
        wrk(3)
        before, t0 = cpu_ticks(proc.pid), time.monotonic()
        requests = wrk(SECONDS)
        cpu = (cpu_ticks(proc.pid) - before) / TICK
        wall = time.monotonic() - t0
    finally:
        stop(proc)
    return {"server": server, "variant": variant, "requests": requests, "rps": requests / wall,
            "cpu_us_per_response": cpu * 1e6 / requests, "cpu_cores": cpu / wall}


SERVER_CODE = ("sun.net.httpserver.", "com.sun.net.httpserver.", "org.eclipse.jetty.", "jakarta.servlet.")


def own_frame(stack):
    """The library frame a sample is charged to, or None: the innermost dev.lucidmetrics frame (not the bench's),
    unless what it called is the server's own code (the filter handing on to the chain, the exchange or response
    stream wrappers delegating to the JDK's), which is the server's work whether wrapped or not."""
    for i in range(len(stack) - 1, -1, -1):
        frame = stack[i]
        if frame.startswith("dev.lucidmetrics.") and not frame.startswith("dev.lucidmetrics.bench."):
            callee = stack[i + 1] if i + 1 < len(stack) else ""
            return None if callee.startswith(SERVER_CODE) else frame
    return None


def profile(server, variant):
    """One run under async-profiler (cpu, 1 ms): samples by thread kind, and the library's own."""
    out = os.path.join(OUT, f"{server}-{variant}.collapsed")
    agent = f"-agentpath:{PROFILER}=start,event=cpu,interval=1ms,threads,collapsed,file={out}"
    proc = launch(server, variant, [agent])
    try:
        responses = wrk(3) + wrk(SECONDS)
    finally:
        stop(proc)
    kinds, own = collections.Counter(), collections.Counter()
    for line in open(out):
        stack, _, n = line.rstrip("\n").rpartition(" ")
        frames = [f.replace("/", ".") for f in stack.split(";")]
        thread = frames[0]
        kind = ("gc" if "GC" in thread or "G1" in thread else "jit" if "Compiler" in thread
                else "wrk-facing" if "[tid=" in thread else "other")
        kinds[kind] += int(n)
        frame = own_frame(frames)
        if frame:
            own[frame] += int(n)
    return {"responses": responses, "samples": sum(kinds.values()), "kinds": kinds, "own": own}


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2


rows = []
for r in range(1, ROUNDS + 1):
    for server in SERVERS:
        order = ["bare", "instrumented"] if r % 2 else ["instrumented", "bare"]
        for variant in order:
            row = measure(server, variant)
            row["round"] = r
            rows.append(row)
            print(f"round {r} {server} {variant}: {row['rps']:,.0f} req/s, {row['cpu_us_per_response']:.2f} CPU µs "
                  f"per response, {row['cpu_cores']:.2f} cores", file=sys.stderr)
with open(os.path.join(OUT, "profile-http.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["round", "server", "variant", "requests", "rps", "cpu_us_per_response",
                                      "cpu_cores"])
    w.writeheader()
    w.writerows(rows)

if rows:   # ROUNDS=0: the profile alone
    print(f"Backend `{BACKEND}`, {ROUNDS} rounds, wrk -t1 -c16 -d{SECONDS}s after 3 s of warm-up; medians across "
          "rounds (lowest–highest per-round ratio).\n")
    print("| server | bare: req/s | instrumented: req/s | throughput ÷ bare | bare: CPU µs per response | instrumented: "
          "CPU µs per response | CPU ÷ bare | added CPU µs per response |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for server in SERVERS:
        bare = [x for x in rows if x["server"] == server and x["variant"] == "bare"]
        inst = [x for x in rows if x["server"] == server and x["variant"] == "instrumented"]
        tput = [i["rps"] / b["rps"] for b, i in zip(bare, inst)]
        cpu = [i["cpu_us_per_response"] / b["cpu_us_per_response"] for b, i in zip(bare, inst)]
        added = [i["cpu_us_per_response"] - b["cpu_us_per_response"] for b, i in zip(bare, inst)]
        print(f"| {server} | {median([x['rps'] for x in bare]):,.0f} | {median([x['rps'] for x in inst]):,.0f} | "
              f"**{median(tput):.3f}** ({min(tput):.3f}–{max(tput):.3f}) | "
              f"{median([x['cpu_us_per_response'] for x in bare]):.2f} | "
              f"{median([x['cpu_us_per_response'] for x in inst]):.2f} | **{median(cpu):.3f}** ({min(cpu):.3f}–"
              f"{max(cpu):.3f}) | {median(added):.2f} ({min(added):.2f}–{max(added):.2f}) |")
if not PROFILER:
    print("\nNo ASYNC_PROFILER given: no profile.")
    sys.exit(0)
print("\nOne run of each under async-profiler (`event=cpu,interval=1ms`, from launch to stop: warm-up, measured "
      "window and start-up alike), so one sample is about 1 ms of CPU. *Library's own* counts the samples whose "
      "innermost library frame is running, or is calling anything but the server's own code (the filter handing on "
      "to the chain and the wrappers delegating to the JDK's exchange are the server's work either way).\n")
print("| server | variant | responses | samples | GC threads | JIT threads | library's own | library's own, µs per "
      "response |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
tops = {}
for server in SERVERS:
    for variant in ("bare", "instrumented"):
        p = profile(server, variant)
        own = sum(p["own"].values())
        tops[server] = p["own"].most_common(10) if variant == "instrumented" else tops.get(server)
        print(f"| {server} | {variant} | {p['responses']:,} | {p['samples']:,} | {p['kinds']['gc']:,} | "
              f"{p['kinds']['jit']:,} | {own:,} ({own / max(p['samples'], 1):.1%}) | "
              f"{own * 1000 / max(p['responses'], 1):.2f} |")
for server, top in tops.items():
    print(f"\n{server}, instrumented: the library's own samples by innermost library frame:\n")
    for frame, n in top:
        print(f"- `{frame}`: {n:,}")
