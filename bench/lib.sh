# Shared by bench/run.sh and bench/run-startup.sh (sourced, not run): logging, the per-part time/load record and
# the steps that start, probe and stop an app process.

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

part_begin() { part_start=$(date -u +%Y-%m-%dT%H:%M:%SZ); part_load=$(cut -d' ' -f1 /proc/loadavg); }
part_end() { # part: replace its previous line with this run's times and 1-minute load averages
  local rev; rev=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  grep -v "^$1," "$PARTS" > "$PARTS.tmp" || true
  echo "$1,$part_start,$(date -u +%Y-%m-%dT%H:%M:%SZ),$part_load,$(cut -d' ' -f1 /proc/loadavg),$rev" >> "$PARTS.tmp"
  mv "$PARTS.tmp" "$PARTS"
}

java_of() { # 17|25 -> the java binary for that JDK
  case $1 in 17) echo "$JAVA17";; 25) echo "$JAVA25";; *) echo "unknown JDK \"$1\" (17, 25)" >&2; exit 1;; esac
}
have_java() { [[ -x "$(java_of "$1")" ]]; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start_app() { # name port cmd... : fails if the port is taken, else starts cmd in the background with PORT set
  local name=$1 port=$2; shift 2
  if port_busy "$port"; then
    echo "port $port is already in use (another process); set the port variables of bench/run.sh" >&2; exit 1
  fi
  PORT=$port "$@" > "$OUT/$name.log" 2>&1 &
  pid=$!
}
wait_http() { # pid url deadline_seconds -> 0 once it answers 200; fails if the process died
  local p=$1 url=$2 deadline=$(( $(date +%s) + $3 ))
  while (( $(date +%s) < deadline )); do
    kill -0 "$p" 2>/dev/null || return 1
    curl -s -o /dev/null -f "$url" && return 0
    sleep 0.01
  done
  return 1
}
launch() { # name port url cmd... : start, wait for a 200 on url; sets pid and launch_ms (launch to first 200).
  # Dev ports lie inside Linux's ephemeral range, so an outgoing connection can briefly hold one and the bind
  # fails; such an attempt (its log says "in use") is discarded and retried, up to three times.
  local name=$1 port=$2 url=$3; shift 3
  for attempt in 1 2 3; do
    local t0; t0=$(date +%s%N)
    start_app "$name" "$port" "$@"
    if wait_http "$pid" "$url" 90; then
      launch_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return 0
    fi
    stop_pid "$pid"
    grep -qi 'in use' "$OUT/$name.log" || break
    log "$name: port $port was taken at bind time (attempt $attempt); retrying"
    sleep 1
  done
  echo "$name did not answer $url:" >&2; cat "$OUT/$name.log" >&2; exit 1
}
stop_pid() { # SIGTERM, up to 15 s for a graceful stop, then SIGKILL
  local p=$1
  kill "$p" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}
