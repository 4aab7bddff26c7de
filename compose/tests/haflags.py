#!/usr/bin/env python3
"""Every command line of the `ha` profile run through the Debian binary it stands for, with the service's bind
mounts mapped to this machine's paths, so that a flag the binary does not know, a bad value or a config it refuses
fails here and not at `up` (used by compose/tests/static). VictoriaMetrics 1.79, vmagent, vmalert and Alertmanager
0.25 refuse unknown flags; each is asked to check and exit rather than to run:

  victoria-metrics FLAGS -version                  flag parsing only
  vmagent FLAGS -promscrape.config.dryRun          flags and the scrape config
  vmalert FLAGS -dryRun                            flags and the rule files
  prometheus-alertmanager FLAGS --version          flag parsing; then amtool check-config on its --config.file
  haproxy -c -f CFG                                the config (servers that do not resolve here are only warned of)

  haflags.py RENDERED.yml [PROFILE]    output of `docker-compose --profile ha config`; PROFILE defaults to ha
Exit 1 with one line per refused command line.
"""
import subprocess
import sys

import yaml

HAPROXY_CFG = "/usr/local/etc/haproxy/haproxy.cfg"


def mounts(svc):
    """[(container path, host path)] of the service's bind mounts, longest container path first."""
    out = []
    for v in svc.get("volumes") or []:
        if isinstance(v, dict):
            source, target, kind = v.get("source", ""), v.get("target", ""), v.get("type")
        else:
            parts = v.split(":")
            source, target = parts[0], parts[1]
            kind = "bind" if source.startswith("/") else "volume"
        if kind == "bind":
            out.append((target, source))
    return sorted(out, key=lambda m: -len(m[0]))


def local(arg, binds):
    """A flag with any container path in its value replaced by the host path mounted there."""
    for target, source in binds:
        if target in arg:
            return arg.replace(target, source)
    return arg


def command_lines(name, svc):
    """[(what, argv)] to run for one service; [] when no Debian binary stands for its image."""
    image = svc.get("image", "").split(":")[0]
    binds = mounts(svc)
    flags = [local(a, binds) for a in svc.get("command") or []]
    if image == "victoriametrics/victoria-metrics":
        return [(f"{name}: victoria-metrics flags", ["victoria-metrics", *flags, "-version"])]
    if image == "victoriametrics/vmagent":
        return [(f"{name}: vmagent flags and scrape config", ["vmagent", *flags, "-promscrape.config.dryRun",
                                                              "-loggerLevel=ERROR"])]
    if image == "victoriametrics/vmalert":
        return [(f"{name}: vmalert flags and rules", ["vmalert", *flags, "-dryRun", "-loggerLevel=ERROR"])]
    if image == "prom/alertmanager":
        config = [f.split("=", 1)[1] for f in flags if f.startswith("--config.file=")]
        return [(f"{name}: alertmanager flags", ["prometheus-alertmanager", *flags, "--version"])] + \
               [(f"{name}: amtool check-config", ["amtool", "check-config", c]) for c in config]
    if image == "haproxy":
        return [(f"{name}: haproxy -c", ["haproxy", "-c", "-f", local(HAPROXY_CFG, binds)])]
    return []


def main(argv):
    rendered, profile = argv[0], (argv[1] if len(argv) > 1 else "ha")
    services = yaml.safe_load(open(rendered, encoding="utf-8"))["services"]
    errors, checked, skipped = [], 0, []
    for name, svc in services.items():
        if profile not in (svc.get("profiles") or []):
            continue
        lines = command_lines(name, svc)
        if not lines:
            skipped.append(name)
        for what, cmd in lines:
            checked += 1
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            if run.returncode != 0:
                errors.append(f"{what}: exit {run.returncode}: {' '.join(cmd)}\n    "
                              + (run.stderr or run.stdout).strip().replace("\n", "\n    ")[-1500:])
    print(f"haflags: {checked} command lines of profile {profile} checked by the Debian binaries; no binary for "
          f"{', '.join(skipped) or 'none'}")
    for e in errors:
        print("violation: " + e)
    return 1 if errors or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
